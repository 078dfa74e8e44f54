package org.roundtable.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Offers that parse but break the server's rules are refused with a message naming the rule. */
class OfferRequirementsTest {
    private static final String AV = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO);

    static Stream<Arguments> offersBreakingARule() {
        return Stream.of(
                Arguments.of(SdpFixtures.removeLines(AV, "a=group:BUNDLE"), "offer has no a=group:BUNDLE"),
                Arguments.of(AV.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0\r\na=group:BUNDLE 1"),
                        "offer has 2 BUNDLE groups"),
                Arguments.of(AV.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0"),
                        "m-section mid 1 is not in the BUNDLE group"),
                Arguments.of(SdpFixtures.removeLines(AV, "a=rtcp-mux"),
                        "m-section mid 0 has no a=rtcp-mux; the server requires rtcp-mux"),
                Arguments.of(SdpFixtures.removeLines(AV, "a=fingerprint"), "m-section mid 0 has no a=fingerprint"),
                Arguments.of(SdpFixtures.removeLines(AV, "a=ice-pwd"), "ICE credentials are required"),
                Arguments.of(SdpFixtures.removeLines(AV, "a=ice-ufrag"), "ICE credentials are required"),
                Arguments.of(AV.replaceFirst("a=ice-ufrag:6cjQ", "a=ice-ufrag:zzzz"),
                        "m-section mid 1 has other ICE credentials"),
                Arguments.of(AV.replace("a=setup:actpass", "a=setup:passive"), "a=setup:passive"),
                Arguments.of(AV.replace("UDP/TLS/RTP/SAVPF", "RTP/AVP"), "requires DTLS-SRTP"),
                Arguments.of(AV.replace("m=audio 9", "m=audio 0").replace("m=video 9", "m=video 0"),
                        "no m-section with a non-zero port"));
    }

    @ParameterizedTest
    @MethodSource("offersBreakingARule")
    void ruleBreakingOfferIsRefused(String sdp, String expectedMessagePart) {
        SessionDescription offer = SessionDescription.parse(sdp);
        SdpException e = assertThrows(SdpException.class, () -> AnswerBuilder.answerPublish(offer, SdpFixtures.SERVER));
        assertEquals("bad-sdp", e.code());
        assertTrue(e.getMessage().contains(expectedMessagePart),
                () -> "message '" + e.getMessage() + "' should contain '" + expectedMessagePart + "'");
        assertThrows(SdpException.class, () -> AnswerBuilder.answerSubscribe(offer, SdpFixtures.SERVER, Map.of()));
    }

    @Test
    void sessionLevelTransportAttributesAreInherited() {
        String moved = SdpFixtures.removeLines(AV, "a=ice-ufrag");
        moved = SdpFixtures.removeLines(moved, "a=ice-pwd");
        moved = SdpFixtures.removeLines(moved, "a=fingerprint");
        moved = moved.replace("a=extmap-allow-mixed\r\n", "a=extmap-allow-mixed\r\na=ice-ufrag:sess\r\n"
                + "a=ice-pwd:sessionPassword0123456789\r\na=fingerprint:sha-256 AA:BB\r\n");
        SessionDescription offer = SessionDescription.parse(moved);
        assertEquals("sess", offer.iceUfrag());
        assertEquals("sess", offer.media().get(1).iceUfrag());
        assertEquals("AA:BB", offer.media().get(0).fingerprintHex());
        assertDoesNotThrow(() -> OfferRequirements.check(offer));
    }

    @Test
    void unusableCodecsEverywhereIsRefused() {
        String offer = AV.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/1")
                .replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP7/90000")
                .replace("profile-level-id=42e01f", "profile-level-id=640c1f");
        SdpException e = assertThrows(SdpException.class,
                () -> AnswerBuilder.answerPublish(SessionDescription.parse(offer), SdpFixtures.SERVER));
        assertTrue(e.getMessage().contains("no audio or video m-section with a codec the server supports"));
    }
}
