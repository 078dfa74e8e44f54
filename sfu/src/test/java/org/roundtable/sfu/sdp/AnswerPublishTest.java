package org.roundtable.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.MediaKind;

/** The server's recvonly answer to Chromium's publish offers, checked line by line and re-parsed. */
class AnswerPublishTest {
    private static final String FINGERPRINT_LINE = "a=fingerprint:" + SdpFixtures.SERVER.fingerprint();
    private static final List<String> TRANSPORT = List.of("a=ice-ufrag:srvU", "a=ice-pwd:serverPassword0123456789",
            FINGERPRINT_LINE, "a=setup:passive");
    private static final List<String> OPUS = List.of("a=rtpmap:111 opus/48000/2", "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1");
    private static final List<String> VP8 = List.of("a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 transport-cc", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96");
    private static final List<String> AUDIO_EXTMAPS = List.of(
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid");
    private static final List<String> VIDEO_EXTMAPS = List.of(
            "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset",
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:13 urn:3gpp:video-orientation",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");

    static List<String> lines(String sdp) {
        assertTrue(sdp.endsWith("\r\n"));
        assertFalse(sdp.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        return Arrays.asList(sdp.split("\r\n"));
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    static void assertSessionHeader(List<String> actual, String bundle) {
        assertEquals("v=0", actual.get(0));
        assertTrue(actual.get(1).matches("o=- [0-9]+ 2 IN IP4 127\\.0\\.0\\.1"), actual.get(1));
        assertEquals(List.of("s=-", "t=0 0", "a=group:BUNDLE " + bundle, "a=extmap-allow-mixed"),
                actual.subList(2, 6));
    }

    @Test
    void audioVideoAnswerLineByLine() {
        Answer answer = AnswerBuilder.answerPublish(SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO), SdpFixtures.SERVER);
        List<String> actual = lines(answer.sdp());
        assertSessionHeader(actual, "0 1");
        List<String> expected = concat(List.of("a=msid-semantic: WMS", "m=audio 10000 UDP/TLS/RTP/SAVPF 111",
                        "c=IN IP4 127.0.0.1"), TRANSPORT, List.of("a=mid:0"), AUDIO_EXTMAPS,
                List.of("a=recvonly", "a=rtcp-mux", "a=rtcp-rsize"), OPUS,
                List.of("a=candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host", "a=end-of-candidates",
                        "m=video 9 UDP/TLS/RTP/SAVPF 96 97", "c=IN IP4 0.0.0.0"), TRANSPORT, List.of("a=mid:1"),
                VIDEO_EXTMAPS, List.of("a=recvonly", "a=rtcp-mux", "a=rtcp-rsize"), VP8);
        assertEquals(expected, actual.subList(6, actual.size()));
    }

    @Test
    void audioVideoNegotiatedMedia() {
        Answer answer = AnswerBuilder.answerPublish(SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO), SdpFixtures.SERVER);
        assertEquals(2, answer.media().size());
        NegotiatedMedia audio = answer.mediaByMid("0");
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(Direction.RECVONLY, audio.direction());
        assertEquals(111, audio.codec().pt());
        assertEquals(-1, audio.rtxPt());
        assertEquals(Map.of(ExtensionUris.AUDIO_LEVEL, 1, ExtensionUris.ABS_SEND_TIME, 2, ExtensionUris.TRANSPORT_CC, 3,
                ExtensionUris.MID, 4), audio.extensionIdsByUri());
        assertEquals(List.of(488819547L), audio.ssrcs());
        assertTrue(audio.rids().isEmpty());

        NegotiatedMedia video = answer.mediaByMid("1");
        assertEquals(MediaKind.VIDEO, video.kind());
        assertEquals("VP8", video.codec().name());
        assertEquals(96, video.codec().pt());
        assertEquals(97, video.rtxPt());
        assertEquals(Map.of(ExtensionUris.TOFFSET, 14, ExtensionUris.ABS_SEND_TIME, 2, ExtensionUris.VIDEO_ORIENTATION, 13,
                ExtensionUris.TRANSPORT_CC, 3, ExtensionUris.MID, 4, ExtensionUris.RTP_STREAM_ID, 10,
                ExtensionUris.REPAIRED_RTP_STREAM_ID, 11), video.extensionIdsByUri());
        assertEquals(-1, video.extensionId("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"));
        assertEquals(List.of(2821094821L), video.ssrcs());
        assertEquals(Map.of(2821094821L, 3054792755L), video.rtxSsrcByPrimary());
    }

    @Test
    void answerReparsesAndSatisfiesTheClient() {
        Answer answer = AnswerBuilder.answerPublish(SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO), SdpFixtures.SERVER);
        SessionDescription reparsed = SessionDescription.parse(answer.sdp());
        assertEquals("srvU", reparsed.iceUfrag());
        assertEquals("passive", reparsed.setup());
        assertEquals(List.of("0", "1"), reparsed.bundleMids());
        assertEquals(List.of(111), reparsed.media().get(0).codecs().stream().map(Codec::pt).toList());
        assertEquals(List.of(96, 97), reparsed.media().get(1).codecs().stream().map(Codec::pt).toList());
        ClientAnswer client = OfferBuilder.readAnswer(answer.sdp());
        assertEquals("127.0.0.1", client.candidateHost());
        assertEquals(10000, client.candidatePort());
        assertEquals("0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9",
                client.fingerprintHex());
        assertEquals(Direction.SENDONLY, client.mediaByMid("1").direction());
        assertEquals(97, client.mediaByMid("1").rtxPt());
    }

    @Test
    void simulcastOfferIsAnsweredWithRecvRids() {
        Answer answer = AnswerBuilder.answerPublish(SdpFixtures.parse(SdpFixtures.OFFER_SIMULCAST), SdpFixtures.SERVER);
        List<String> actual = lines(answer.sdp());
        int videoStart = actual.indexOf("m=video 9 UDP/TLS/RTP/SAVPF 96 97");
        List<String> expectedVideo = concat(List.of("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "c=IN IP4 0.0.0.0"), TRANSPORT,
                List.of("a=mid:1"), VIDEO_EXTMAPS, List.of("a=recvonly", "a=rtcp-mux", "a=rtcp-rsize"), VP8,
                List.of("a=rid:q recv", "a=rid:h recv", "a=rid:f recv", "a=simulcast:recv q;h;f"));
        assertEquals(expectedVideo, actual.subList(videoStart, actual.size()));
        NegotiatedMedia video = answer.mediaByMid("1");
        assertEquals(List.of("q", "h", "f"), video.rids());
        assertTrue(video.ssrcs().isEmpty());
        assertEquals(10, video.extensionId(ExtensionUris.RTP_STREAM_ID));
        assertEquals(List.of(910778697L), answer.mediaByMid("0").ssrcs());
        MediaSection reparsed = SessionDescription.parse(answer.sdp()).media().get(1);
        assertEquals(new Simulcast(List.of(), List.of(List.of("q"), List.of("h"), List.of("f"))), reparsed.simulcast());
    }

    @Test
    void h264IsChosenOnlyWithoutVp8() {
        String offer = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO)
                .replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102", "m=video 9 UDP/TLS/RTP/SAVPF 102");
        offer = SdpFixtures.removeLines(offer, "a=rtpmap:96 ");
        offer = SdpFixtures.removeLines(offer, "a=rtcp-fb:96 ");
        offer = SdpFixtures.removeLines(offer, "a=rtpmap:97 ");
        offer = SdpFixtures.removeLines(offer, "a=fmtp:97 ");
        Answer answer = AnswerBuilder.answerPublish(SessionDescription.parse(offer), SdpFixtures.SERVER);
        NegotiatedMedia video = answer.mediaByMid("1");
        assertEquals(108, video.codec().pt());
        assertEquals("H264", video.codec().name());
        assertEquals(109, video.rtxPt());
        List<String> actual = lines(answer.sdp());
        assertTrue(actual.contains("m=video 9 UDP/TLS/RTP/SAVPF 108 109"));
        assertTrue(actual.contains("a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"));
        assertTrue(actual.contains("a=fmtp:109 apt=108"));
        assertTrue(actual.contains("a=rtcp-fb:108 nack pli"));
    }

    @Test
    void dataChannelAndUnusableVideoAreRejectedWithPortZero() {
        String offer = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO)
                .replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2")
                .replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 "
                        + "101 118 119 120", "m=video 9 UDP/TLS/RTP/SAVPF 98 99");
        offer = SdpFixtures.removeLines(offer, "a=ssrc");
        offer = keepVideoCodecLines(offer, "98", "99");
        offer = offer + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:6cjQ\r\na=ice-pwd:cEh81Uy9kr+wNiODDqkuAsIu\r\na=fingerprint:sha-256 "
                + "EA:E9:E7:AC:C9:B9:7F:3A:69:BF:7A:C2:D6:92:2B:6D:74:06:73:D0:1B:46:83:DD:44:63:02:DA:65:85:CB:27\r\n"
                + "a=setup:actpass\r\na=mid:2\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n";
        Answer answer = AnswerBuilder.answerPublish(SessionDescription.parse(offer), SdpFixtures.SERVER);
        List<String> actual = lines(answer.sdp());
        assertEquals("a=group:BUNDLE 0", actual.get(4));
        int video = actual.indexOf("m=video 0 UDP/TLS/RTP/SAVPF 98");
        assertEquals(concat(List.of("m=video 0 UDP/TLS/RTP/SAVPF 98", "c=IN IP4 0.0.0.0"), TRANSPORT,
                List.of("a=mid:1", "a=inactive", "a=rtcp-mux", "a=rtpmap:98 VP9/90000",
                        "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0"), TRANSPORT,
                List.of("a=mid:2")), actual.subList(video, actual.size()));
        assertEquals(2, answer.media().size());
        NegotiatedMedia rejected = answer.mediaByMid("1");
        assertNull(rejected.codec());
        assertFalse(rejected.accepted());
        assertEquals(Direction.INACTIVE, rejected.direction());
        SessionDescription reparsed = SessionDescription.parse(answer.sdp());
        assertTrue(reparsed.media().get(1).isRejected());
        assertTrue(reparsed.media().get(2).isRejected());
    }

    private static String keepVideoCodecLines(String offer, String... pts) {
        StringBuilder out = new StringBuilder();
        boolean inVideo = false;
        for (String line : offer.split("\r\n")) {
            inVideo |= line.startsWith("m=video");
            boolean codecLine = line.startsWith("a=rtpmap:") || line.startsWith("a=fmtp:") || line.startsWith("a=rtcp-fb:");
            boolean keep = !inVideo || !codecLine
                    || Arrays.stream(pts).anyMatch(pt -> line.substring(line.indexOf(':') + 1).startsWith(pt + " "));
            if (keep) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }

    @Test
    void extensionDirectionIsReversedAndInactiveSectionsStayInactive() {
        String offer = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO)
                .replace("a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                        "a=extmap:1/sendonly urn:ietf:params:rtp-hdrext:ssrc-audio-level")
                .replace("a=extmap:14 urn:ietf:params:rtp-hdrext:toffset",
                        "a=extmap:14/inactive urn:ietf:params:rtp-hdrext:toffset")
                .replaceFirst("a=sendrecv", "a=inactive");
        Answer answer = AnswerBuilder.answerPublish(SessionDescription.parse(offer), SdpFixtures.SERVER);
        List<String> actual = lines(answer.sdp());
        assertTrue(actual.contains("a=extmap:1/recvonly urn:ietf:params:rtp-hdrext:ssrc-audio-level"));
        assertFalse(answer.sdp().contains("toffset"));
        assertEquals(Direction.INACTIVE, answer.mediaByMid("0").direction());
        assertEquals(111, answer.mediaByMid("0").codec().pt());
        assertEquals(Direction.RECVONLY, answer.mediaByMid("1").direction());
        assertEquals(1, actual.stream().filter(l -> l.equals("a=inactive")).count());
    }

    @Test
    void lfOfferGivesTheSameAnswer() {
        String crlf = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO);
        assertEquals(AnswerBuilder.answerPublish(SessionDescription.parse(crlf), SdpFixtures.SERVER),
                AnswerBuilder.answerPublish(SessionDescription.parse(crlf.replace("\r\n", "\n")), SdpFixtures.SERVER));
    }
}
