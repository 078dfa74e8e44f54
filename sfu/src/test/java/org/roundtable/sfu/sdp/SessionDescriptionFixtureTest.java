package org.roundtable.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parses Chromium 156's real offers and the spike's answers; expected values from the fixture README. */
class SessionDescriptionFixtureTest {

    @Test
    void audioVideoOfferSessionAndTransport() {
        SessionDescription offer = SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO);
        assertEquals(2, offer.media().size());
        assertEquals(List.of("0", "1"), offer.bundleMids());
        assertEquals("6cjQ", offer.iceUfrag());
        assertEquals("cEh81Uy9kr+wNiODDqkuAsIu", offer.icePwd());
        assertEquals("sha-256", offer.fingerprintAlgo());
        assertEquals("EA:E9:E7:AC:C9:B9:7F:3A:69:BF:7A:C2:D6:92:2B:6D:74:06:73:D0:1B:46:83:DD:44:63:02:DA:65:85:CB:27",
                offer.fingerprintHex());
        assertEquals("actpass", offer.setup());
        assertTrue(offer.extmapAllowMixed());
        for (MediaSection section : offer.media()) {
            assertTrue(section.rtcpMux());
            assertTrue(section.rtcpRsize());
            assertEquals(Direction.SENDRECV, section.direction());
            assertEquals("6cjQ", section.iceUfrag());
            assertEquals("actpass", section.setup());
            assertEquals(9, section.port());
            assertFalse(section.isRejected());
            assertTrue(section.candidates().isEmpty());
        }
    }

    @Test
    void audioVideoOfferAudioSection() {
        MediaSection audio = SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO).media().get(0);
        assertEquals("audio", audio.kind());
        assertEquals("0", audio.mid());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        Codec opus = audio.codec(111);
        assertEquals(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of("transport-cc"), -1), opus);
        assertEquals("111/111", audio.codec(63).fmtp());
        assertEquals("PCMU", audio.codec(0).name());
        assertEquals(0, audio.codec(0).channels());
        assertEquals(Map.of(1, ExtensionUris.AUDIO_LEVEL, 2, ExtensionUris.ABS_SEND_TIME, 3, ExtensionUris.TRANSPORT_CC,
                4, ExtensionUris.MID), audio.extensions());
        assertEquals(List.of(new SsrcInfo(488819547L, "ya4DCcvjiNJyXqQb",
                "6d701c59-eda9-4929-8dbf-3962e5fbb27f 352cd35f-f558-45c3-91e2-9fddf4ee4c10")), audio.ssrcs());
        assertEquals(List.of(488819547L), audio.primarySsrcs());
        assertEquals(Map.of(), audio.rtxSsrcByPrimary());
        assertEquals("6d701c59-eda9-4929-8dbf-3962e5fbb27f 352cd35f-f558-45c3-91e2-9fddf4ee4c10", audio.msid());
        assertTrue(audio.hasAttribute("rtcp-xr"));
    }

    @Test
    void audioVideoOfferVideoSection() {
        MediaSection video = SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO).media().get(1);
        assertEquals("video", video.kind());
        assertEquals("1", video.mid());
        assertEquals(23, video.codecs().size());
        Codec vp8 = video.codec(96);
        assertEquals("VP8", vp8.name());
        assertEquals(90000, vp8.clockRate());
        assertEquals(97, vp8.rtxPt());
        assertEquals(List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"), vp8.rtcpFb());
        assertTrue(video.codec(97).isRtx());
        assertEquals(96, video.codec(97).apt());
        assertEquals("42e01f", video.codec(108).fmtpParam("profile-level-id"));
        assertEquals(109, video.codec(108).rtxPt());
        assertEquals(-1, video.codec(120).rtxPt());
        assertEquals(119, video.codec(118).rtxPt());
        Map<Integer, String> expected = Map.ofEntries(Map.entry(2, ExtensionUris.ABS_SEND_TIME),
                Map.entry(3, ExtensionUris.TRANSPORT_CC), Map.entry(4, ExtensionUris.MID),
                Map.entry(5, "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"),
                Map.entry(6, "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type"),
                Map.entry(7, "http://www.webrtc.org/experiments/rtp-hdrext/video-timing"),
                Map.entry(8, "http://www.webrtc.org/experiments/rtp-hdrext/color-space"),
                Map.entry(10, ExtensionUris.RTP_STREAM_ID), Map.entry(11, ExtensionUris.REPAIRED_RTP_STREAM_ID),
                Map.entry(13, ExtensionUris.VIDEO_ORIENTATION), Map.entry(14, ExtensionUris.TOFFSET));
        assertEquals(expected, video.extensions());
        assertEquals(List.of(14, 2, 13, 3, 5, 6, 7, 8, 4, 10, 11), List.copyOf(video.extensions().keySet()));
        assertEquals(List.of(2821094821L), video.primarySsrcs());
        assertEquals(Map.of(2821094821L, 3054792755L), video.rtxSsrcByPrimary());
        assertEquals(List.of(new SsrcGroup("FID", List.of(2821094821L, 3054792755L))), video.ssrcGroups());
        assertEquals("ya4DCcvjiNJyXqQb", video.ssrcs().get(1).cname());
        assertTrue(video.rids().isEmpty());
        assertNull(video.simulcast());
    }

    @Test
    void simulcastOffer() {
        SessionDescription offer = SdpFixtures.parse(SdpFixtures.OFFER_SIMULCAST);
        MediaSection audio = offer.media().get(0);
        assertEquals(List.of(910778697L), audio.primarySsrcs());
        MediaSection video = offer.media().get(1);
        assertEquals(List.of("q", "h", "f"), video.rids());
        assertTrue(video.ridDescriptions().stream().allMatch(Rid::send));
        assertEquals(new Simulcast(List.of(List.of("q"), List.of("h"), List.of("f")), List.of()), video.simulcast());
        assertTrue(video.ssrcs().isEmpty());
        assertEquals(12, video.extensionId(
                "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension"));
        assertEquals(9, video.extensionId("http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00"));
        assertEquals(10, video.extensionId(ExtensionUris.RTP_STREAM_ID));
        assertEquals(11, video.extensionId(ExtensionUris.REPAIRED_RTP_STREAM_ID));
    }

    @Test
    void lfLineEndsParseLikeCrlf() {
        String crlf = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO);
        SessionDescription fromLf = SessionDescription.parse(crlf.replace("\r\n", "\n"));
        SessionDescription fromCrlf = SessionDescription.parse(crlf);
        assertEquals(crlf, fromLf.toString());
        assertEquals(crlf, fromCrlf.toString());
        assertEquals(fromCrlf.media().get(1).codecs(), fromLf.media().get(1).codecs());
        assertEquals(fromCrlf.media().get(1).ssrcs(), fromLf.media().get(1).ssrcs());
    }

    @Test
    void spikeAnswersParseWithTheirCandidate() {
        SessionDescription answer = SdpFixtures.parse(SdpFixtures.ANSWER_RECVONLY);
        assertEquals("passive", answer.setup());
        MediaSection audio = answer.media().get(0);
        assertEquals(Direction.RECVONLY, audio.direction());
        assertEquals(10000, audio.port());
        assertEquals("127.0.0.1", audio.connectionAddress());
        Candidate candidate = audio.candidates().get(0);
        assertEquals(new Candidate("1", 1, "udp", 2130706431L, "127.0.0.1", 10000, "host",
                "candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host generation 0"), candidate);
        assertTrue(audio.endOfCandidates());

        ClientAnswer client = OfferBuilder.readAnswer(SdpFixtures.load(SdpFixtures.ANSWER_SIMULCAST));
        assertEquals("ek5o1k8floar2", client.iceUfrag());
        assertEquals("3d4e68je8em16hvi88i4q6h4c1", client.icePwd());
        assertEquals("127.0.0.1", client.candidateHost());
        assertEquals(10000, client.candidatePort());
        assertEquals("sha-256", client.fingerprintAlgo());
        NegotiatedMedia video = client.mediaByMid("1");
        assertEquals(96, video.codec().pt());
        assertEquals(97, video.rtxPt());
        assertEquals(List.of("q", "h", "f"), video.rids());
        assertEquals(Direction.SENDONLY, video.direction());
        assertEquals(10, video.extensionId(ExtensionUris.RTP_STREAM_ID));
    }

    @Test
    void wildcardFeedbackSessionLevelExtmapDirectionAndBundleOnly() {
        String sdp = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\na=group:BUNDLE a b\na=sendonly\n"
                + "a=extmap:7/sendonly urn:ietf:params:rtp-hdrext:sdes:mid\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 100 101\na=mid:a\na=rtcp-mux\na=rtpmap:100 VP8/90000\n"
                + "a=rtpmap:101 rtx/90000\na=fmtp:101 apt=100\na=rtcp-fb:* nack\na=rtcp-fb:100 ccm fir\n"
                + "m=audio 0 UDP/TLS/RTP/SAVPF 0\na=mid:b\na=bundle-only\na=recvonly\n"
                + "a=extmap:7 urn:ietf:params:rtp-hdrext:ssrc-audio-level\n";
        SessionDescription parsed = SessionDescription.parse(sdp);
        MediaSection video = parsed.media().get(0);
        assertEquals(List.of("nack", "ccm fir"), video.codec(100).rtcpFb());
        assertEquals(101, video.codec(100).rtxPt());
        assertEquals(Direction.SENDONLY, video.direction());
        assertEquals(List.of(new HeaderExtension(7, Direction.SENDONLY, ExtensionUris.MID, "")),
                video.headerExtensions());
        MediaSection audio = parsed.media().get(1);
        assertFalse(audio.isRejected());
        assertEquals(Direction.RECVONLY, audio.direction());
        assertEquals(ExtensionUris.AUDIO_LEVEL, audio.extensions().get(7));
        assertEquals("PCMU", audio.codec(0).name());
        assertNull(parsed.iceUfrag());
    }
}
