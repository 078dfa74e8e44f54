package org.roundtable.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.MediaKind;

/** Subscribe answers: sendonly with the receiver's own payload types and the server's SSRCs. */
class AnswerSubscribeTest {
    private static final String CLIENT_FP =
            "sha-256 11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00";
    private static final OutgoingTrack AUDIO_TRACK =
            new OutgoingTrack(MediaKind.AUDIO, 1111, -1, "sfuCname", "ep-alice", "alice-audio");
    private static final OutgoingTrack VIDEO_TRACK =
            new OutgoingTrack(MediaKind.VIDEO, 2222, 3333, "sfuCname", "ep-alice", "alice-video");

    private static String recvOffer() {
        return new OfferBuilder("cliU", "clientPassword0123456789", CLIENT_FP)
                .recvOnly(MediaKind.AUDIO).recvOnly(MediaKind.VIDEO).recvOnly(MediaKind.VIDEO).build();
    }

    private static Answer answer(String offer) {
        Map<String, OutgoingTrack> byMid = new HashMap<>();
        byMid.put("0", AUDIO_TRACK);
        byMid.put("1", VIDEO_TRACK);
        byMid.put("2", null);
        return AnswerBuilder.answerSubscribe(SessionDescription.parse(offer), SdpFixtures.SERVER, byMid);
    }

    @Test
    void offerBuilderRecvOnlyOffer() {
        SessionDescription offer = SessionDescription.parse(recvOffer());
        assertEquals(List.of("0", "1", "2"), offer.bundleMids());
        assertEquals("actpass", offer.setup());
        assertEquals("cliU", offer.iceUfrag());
        for (MediaSection section : offer.media()) {
            assertEquals(Direction.RECVONLY, section.direction());
            assertTrue(section.ssrcs().isEmpty());
            assertNull(section.msid());
        }
        assertEquals(List.of(96, 97, 108, 109), offer.media().get(1).codecs().stream().map(Codec::pt).toList());
    }

    @Test
    void subscribeAnswerLineByLine() {
        Answer answer = answer(recvOffer());
        List<String> actual = AnswerPublishTest.lines(answer.sdp());
        AnswerPublishTest.assertSessionHeader(actual, "0 1 2");
        assertEquals("a=msid-semantic: WMS ep-alice", actual.get(6));
        int audio = actual.indexOf("m=audio 10000 UDP/TLS/RTP/SAVPF 111");
        int video = actual.indexOf("m=video 9 UDP/TLS/RTP/SAVPF 96 97");
        int inactiveVideo = actual.lastIndexOf("m=video 9 UDP/TLS/RTP/SAVPF 96 97");
        assertTrue(audio > 0 && video > audio && inactiveVideo > video);
        List<String> audioLines = actual.subList(audio, video);
        assertTrue(audioLines.contains("a=sendonly"));
        assertTrue(audioLines.contains("a=setup:passive"));
        assertTrue(audioLines.contains("a=fmtp:111 minptime=10;useinbandfec=1"));
        assertEquals(List.of("a=msid:ep-alice alice-audio", "a=ssrc:1111 cname:sfuCname",
                        "a=ssrc:1111 msid:ep-alice alice-audio",
                        "a=candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host", "a=end-of-candidates"),
                audioLines.subList(audioLines.size() - 5, audioLines.size()));
        List<String> videoLines = actual.subList(video, inactiveVideo);
        assertTrue(videoLines.contains("a=sendonly"));
        assertTrue(videoLines.contains("a=rtcp-fb:96 nack pli"));
        assertTrue(videoLines.contains("a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"));
        assertEquals(List.of("a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96", "a=msid:ep-alice alice-video",
                        "a=ssrc-group:FID 2222 3333", "a=ssrc:2222 cname:sfuCname",
                        "a=ssrc:2222 msid:ep-alice alice-video", "a=ssrc:3333 cname:sfuCname",
                        "a=ssrc:3333 msid:ep-alice alice-video"),
                videoLines.subList(videoLines.size() - 8, videoLines.size()));
        List<String> idle = actual.subList(inactiveVideo, actual.size());
        assertTrue(idle.contains("a=inactive"));
        assertTrue(idle.contains("a=mid:2"));
        assertTrue(idle.stream().noneMatch(l -> l.startsWith("a=ssrc") || l.startsWith("a=msid")));
    }

    @Test
    void subscribeNegotiatedMediaAndClientView() {
        Answer answer = answer(recvOffer());
        NegotiatedMedia audio = answer.mediaByMid("0");
        assertEquals(Direction.SENDONLY, audio.direction());
        assertEquals(111, audio.codec().pt());
        assertEquals(List.of(1111L), audio.ssrcs());
        assertEquals(Map.of(), audio.rtxSsrcByPrimary());
        NegotiatedMedia video = answer.mediaByMid("1");
        assertEquals(96, video.codec().pt());
        assertEquals(97, video.rtxPt());
        assertEquals(List.of(2222L), video.ssrcs());
        assertEquals(Map.of(2222L, 3333L), video.rtxSsrcByPrimary());
        assertEquals(3, video.extensionId(ExtensionUris.TRANSPORT_CC));
        NegotiatedMedia idle = answer.mediaByMid("2");
        assertEquals(Direction.INACTIVE, idle.direction());
        assertTrue(idle.ssrcs().isEmpty());

        ClientAnswer client = OfferBuilder.readAnswer(answer.sdp());
        assertEquals("srvU", client.iceUfrag());
        assertEquals(Direction.RECVONLY, client.mediaByMid("1").direction());
        assertEquals(List.of(2222L), client.mediaByMid("1").ssrcs());
        assertEquals(Map.of(2222L, 3333L), client.mediaByMid("1").rtxSsrcByPrimary());
        assertEquals(List.of(1111L), client.mediaByMid("0").ssrcs());
        assertEquals(Direction.INACTIVE, client.mediaByMid("2").direction());
    }

    @Test
    void receiverPayloadTypesAndExtensionIdsAreKept() {
        String offer = recvOffer().replaceAll("\\b96\\b", "100").replaceAll("\\b97\\b", "101")
                .replace("a=extmap:3 ", "a=extmap:5 ");
        Answer answer = answer(offer);
        NegotiatedMedia video = answer.mediaByMid("1");
        assertEquals(100, video.codec().pt());
        assertEquals(101, video.rtxPt());
        assertEquals(5, video.extensionId(ExtensionUris.TRANSPORT_CC));
        assertTrue(answer.sdp().contains("m=video 9 UDP/TLS/RTP/SAVPF 100 101\r\n"));
        assertTrue(answer.sdp().contains("a=fmtp:101 apt=100\r\n"));
        assertTrue(answer.sdp().contains("a=extmap:5 " + ExtensionUris.TRANSPORT_CC + "\r\n"));
    }

    @Test
    void producerCodecIsHonoured() {
        OutgoingTrack h264 = new OutgoingTrack(MediaKind.VIDEO, 2222, 3333, "c", "s", "t", "H264");
        Answer answer = AnswerBuilder.answerSubscribe(SessionDescription.parse(recvOffer()), SdpFixtures.SERVER,
                Map.of("1", h264));
        assertEquals(108, answer.mediaByMid("1").codec().pt());
        assertEquals(109, answer.mediaByMid("1").rtxPt());
        OutgoingTrack av1 = new OutgoingTrack(MediaKind.VIDEO, 2222, 3333, "c", "s", "t", "AV1");
        Answer without = AnswerBuilder.answerSubscribe(SessionDescription.parse(recvOffer()), SdpFixtures.SERVER,
                Map.of("1", av1));
        assertNull(without.mediaByMid("1").codec());
        assertTrue(without.sdp().contains("m=video 0 UDP/TLS/RTP/SAVPF 96\r\n"));
    }

    @Test
    void trackOfTheWrongKindOrUnknownMidIsRefused() {
        SessionDescription offer = SessionDescription.parse(recvOffer());
        SdpException kind = assertThrows(SdpException.class,
                () -> AnswerBuilder.answerSubscribe(offer, SdpFixtures.SERVER, Map.of("0", VIDEO_TRACK)));
        assertTrue(kind.getMessage().contains("mid 0 is audio but track alice-video is video"));
        SdpException mid = assertThrows(SdpException.class,
                () -> AnswerBuilder.answerSubscribe(offer, SdpFixtures.SERVER, Map.of("7", AUDIO_TRACK)));
        assertTrue(mid.getMessage().contains("mid 7"));
    }

    @Test
    void chromiumOfferTurnedRecvonlyIsAnsweredWithItsPayloadTypes() {
        String offer = SdpFixtures.removeLines(SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO), "a=ssrc")
                .replace("a=sendrecv", "a=recvonly");
        Answer answer = AnswerBuilder.answerSubscribe(SessionDescription.parse(offer), SdpFixtures.SERVER,
                Map.of("0", AUDIO_TRACK, "1", VIDEO_TRACK));
        assertEquals(111, answer.mediaByMid("0").codec().pt());
        assertEquals(96, answer.mediaByMid("1").codec().pt());
        assertEquals(14, answer.mediaByMid("1").extensionId(ExtensionUris.TOFFSET));
        assertEquals(Map.of(2222L, 3333L), SessionDescription.parse(answer.sdp()).media().get(1).rtxSsrcByPrimary());
    }
}
