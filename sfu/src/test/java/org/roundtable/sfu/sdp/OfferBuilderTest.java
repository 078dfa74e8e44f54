package org.roundtable.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.MediaKind;

/** The client-side offer looks like Chromium's and round-trips through the server's answer. */
class OfferBuilderTest {
    private static final String CLIENT_FP =
            "sha-256 11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00";

    @Test
    void publishOfferMatchesChromiumShape() {
        String sdp = new OfferBuilder("cliU", "clientPassword0123456789", CLIENT_FP)
                .sendAudio(488819547L, "cn", "stream", "audioTrack")
                .sendVideo(2821094821L, 3054792755L, "cn", "stream", "videoTrack").build();
        SessionDescription offer = SessionDescription.parse(sdp);
        SessionDescription chromium = SdpFixtures.parse(SdpFixtures.OFFER_AUDIO_VIDEO);
        for (int i = 0; i < 2; i++) {
            MediaSection ours = offer.media().get(i);
            MediaSection theirs = chromium.media().get(i);
            assertEquals(Direction.SENDONLY, ours.direction());
            assertEquals("actpass", ours.setup());
            assertTrue(ours.rtcpMux());
            for (Map.Entry<Integer, String> extension : ours.extensions().entrySet()) {
                assertEquals(theirs.extensions().get(extension.getKey()), extension.getValue());
            }
            for (Codec codec : ours.codecs()) {
                Codec same = theirs.codec(codec.pt());
                assertEquals(same.rtpmap(), codec.rtpmap());
                assertEquals(same.fmtp(), codec.fmtp());
                assertEquals(same.rtcpFb(), codec.rtcpFb());
            }
            assertEquals(theirs.primarySsrcs(), ours.primarySsrcs());
            assertEquals(theirs.rtxSsrcByPrimary(), ours.rtxSsrcByPrimary());
        }
        assertEquals("stream videoTrack", offer.media().get(1).msid());
        assertEquals("sha-256", offer.fingerprintAlgo());
    }

    @Test
    void publishRoundTrip() {
        String sdp = new OfferBuilder("cliU", "clientPassword0123456789", CLIENT_FP)
                .sendAudio(1, "cn", "stream", "a").sendVideo(2, 3, "cn", "stream", "v").build();
        Answer serverSide = AnswerBuilder.answerPublish(SessionDescription.parse(sdp), SdpFixtures.SERVER);
        assertEquals(List.of(1L), serverSide.mediaByMid("0").ssrcs());
        assertEquals(Map.of(2L, 3L), serverSide.mediaByMid("1").rtxSsrcByPrimary());
        ClientAnswer client = OfferBuilder.readAnswer(serverSide.sdp());
        assertEquals("srvU", client.iceUfrag());
        assertEquals("serverPassword0123456789", client.icePwd());
        assertEquals("127.0.0.1", client.candidateHost());
        assertEquals(10000, client.candidatePort());
        assertEquals(OfferBuilder.OPUS_PT, client.mediaByMid("0").codec().pt());
        assertEquals(OfferBuilder.VP8_PT, client.mediaByMid("1").codec().pt());
        assertEquals(OfferBuilder.VP8_RTX_PT, client.mediaByMid("1").rtxPt());
        assertEquals(Direction.SENDONLY, client.mediaByMid("1").direction());
        assertEquals(3, client.mediaByMid("1").extensionId(ExtensionUris.TRANSPORT_CC));
    }

    @Test
    void simulcastOfferIsAnswered() {
        String sdp = new OfferBuilder("cliU", "clientPassword0123456789", CLIENT_FP)
                .sendSimulcastVideo(List.of("q", "h", "f"), "stream", "v").build();
        Answer answer = AnswerBuilder.answerPublish(SessionDescription.parse(sdp), SdpFixtures.SERVER);
        assertEquals(List.of("q", "h", "f"), answer.mediaByMid("0").rids());
        assertTrue(answer.sdp().contains("a=simulcast:recv q;h;f\r\n"));
        assertEquals(List.of("q", "h", "f"), OfferBuilder.readAnswer(answer.sdp()).mediaByMid("0").rids());
    }

    @Test
    void answerWithoutCandidateOrActiveSetupIsRefused() {
        String sdp = new OfferBuilder("cliU", "clientPassword0123456789", CLIENT_FP).recvOnly(MediaKind.AUDIO).build();
        String answer = AnswerBuilder.answerSubscribe(SessionDescription.parse(sdp), SdpFixtures.SERVER, Map.of()).sdp();
        SdpException noCandidate = assertThrows(SdpException.class,
                () -> OfferBuilder.readAnswer(SdpFixtures.removeLines(answer, "a=candidate")));
        assertTrue(noCandidate.getMessage().contains("no UDP candidate"));
        SdpException active = assertThrows(SdpException.class,
                () -> OfferBuilder.readAnswer(answer.replace("a=setup:passive", "a=setup:active")));
        assertTrue(active.getMessage().contains("a=setup:active"));
    }
}
