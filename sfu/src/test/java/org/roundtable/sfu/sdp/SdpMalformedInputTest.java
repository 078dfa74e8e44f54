package org.roundtable.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roundtable.sfu.api.MediaKind;

/** Bad input gets an SdpException (code bad-sdp) naming the problem, never another exception type. */
class SdpMalformedInputTest {
    private static final String AV = SdpFixtures.load(SdpFixtures.OFFER_AUDIO_VIDEO);

    static Stream<Arguments> brokenOffers() {
        return Stream.of(
                Arguments.of("", "empty session description"),
                Arguments.of("v=1\r\n", "line 1 'v=1': a session description starts with v=0"),
                Arguments.of(AV.replace("s=-\r\n", ""), "m= before the session's s= line"),
                Arguments.of(AV.replace("t=0 0\r\n", "t=0 0\r\n\r\n"), "line 5 '': empty line"),
                Arguments.of(AV.replace("s=-\r\n", "s=-\r\nhello\r\n"), "expected <type>=<value>"),
                Arguments.of(AV.replace("s=-\r\n", "s=-\r\nx=1\r\n"), "known type letter"),
                Arguments.of(AV.replace("o=- 6773775126766095118 2 IN IP4 127.0.0.1", "o=- 1 2 IN"), "o= needs"),
                Arguments.of(AV.replace("m=audio 9 ", "m=audio 70000 "), "port 70000 is above 65535"),
                Arguments.of(AV.replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63", "m=audio 9 UDP/TLS/RTP/SAVPF 111 x63"),
                        "payload type 'x63' is not a number"),
                Arguments.of(AV.replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "m=audio 9"),
                        "m= needs <media> <port> <proto> <fmt>"),
                Arguments.of(AV.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus"),
                        "line 26 'a=rtpmap:111 opus': a=rtpmap needs <name>/<clock rate>[/<channels>]"),
                Arguments.of(AV.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:112 opus/48000/2"),
                        "payload type 112 is not in the m= line"),
                Arguments.of(AV.replace("a=rtpmap:9 G722/8000", "a=rtpmap:111 G722/8000"),
                        "second a=rtpmap for payload type 111"),
                Arguments.of(AV.replace("a=fmtp:97 apt=96", "a=fmtp:97"), "a=fmtp needs <pt> <parameters>"),
                Arguments.of(AV.replace("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv\r\na=msid:6d701c59"
                        + "-eda9-4929-8dbf-3962e5fbb27f 352", "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv"
                        + "\r\na=msid:6d701c59-eda9-4929-8dbf-3962e5fbb27f 352"), "extmap id 3 used twice"),
                Arguments.of(AV.replace("a=extmap:14 urn", "a=extmap:14/upward urn"), "extmap direction must be"),
                Arguments.of(AV.replace("a=extmap:14 urn", "a=extmap:0 urn"), "extmap id 0 is below 1"),
                Arguments.of(AV.replace("a=ssrc:488819547 cname", "a=ssrc:4888195470 cname"),
                        "ssrc 4888195470 is above 4294967295"),
                Arguments.of(AV.replace("a=ssrc-group:FID 2821094821 3054792755", "a=ssrc-group:FID 2821094821"),
                        "ssrc-group FID needs exactly two ssrcs"),
                Arguments.of(AV.replace("a=ssrc-group:FID 2821094821 3054792755", "a=ssrc-group:FID 2821094821 7"),
                        "names ssrc 7 without a=ssrc lines"),
                Arguments.of(AV.replace("a=setup:actpass", "a=setup:maybe"), "a=setup must be"),
                Arguments.of(AV.replace("a=fingerprint:sha-256 EA:E9", "a=fingerprint:sha-256 EAE9"),
                        "a=fingerprint needs <hash-function> <XX:XX:...>"),
                Arguments.of(AV.replace("a=ice-ufrag:6cjQ", "a=ice-ufrag:6c"), "ice-ufrag must be 4 to 256 ice-chars"),
                Arguments.of(AV.replace("a=mid:1", "a=mid:0"), "mid 0 is used by two m-sections"),
                Arguments.of(AV.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2"),
                        "BUNDLE group names mid 2 but no m-section has it"),
                Arguments.of(AV.replace("a=sendrecv\r\na=msid:6d701c59-eda9-4929-8dbf-3962e5fbb27f 352",
                        "a=sendrecv\r\na=inactive\r\na=msid:6d701c59-eda9-4929-8dbf-3962e5fbb27f 352"),
                        "second direction attribute"),
                Arguments.of(AV.replace("a=extmap-allow-mixed", "a=rtpmap:111 opus/48000/2"),
                        "a=rtpmap belongs inside a media section"),
                Arguments.of(AV.replace("a=rtcp-mux\r\na=rtcp-rsize\r\na=rtcp-xr:rcvr-rtt=all\r\na=rtpmap:96",
                        "a=rtcp-mux:yes\r\na=rtcp-rsize\r\na=rtcp-xr:rcvr-rtt=all\r\na=rtpmap:96"),
                        "a=rtcp-mux takes no value"),
                Arguments.of(AV.replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP8/fast"),
                        "clock rate 'fast' is not a number"),
                Arguments.of(AV.replace("a=ssrc:2821094821 cname:", "a=ssrc:2821094821 cname:\r\na=x:"), "empty cname"),
                Arguments.of(AV.replace("s=-\r\n", "s=-\r\ns=again\r\n"), "duplicate s= line"),
                Arguments.of(AV.replace("a=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:6cjQ\r\na=ice-pwd:cEh81Uy9kr+wNiODDqkuAsIu"
                        + "\r\na=ice-options:trickle\r\na=fingerprint:sha-256 EA:E9:E7:AC:C9:B9:7F:3A:69:BF:7A:C2:D6:92:2B:6D"
                        + ":74:06:73:D0:1B:46:83:DD:44:63:02:DA:65:85:CB:27\r\na=setup:actpass\r\na=mid:1",
                        "a=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:6cjQ\r\na=ice-ufrag:6cjQ\r\na=mid:1"),
                        "second a=ice-ufrag at the same level"),
                Arguments.of(AV.replace("c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:6cjQ\r\na=ice-pwd:cEh81"
                        + "Uy9kr+wNiODDqkuAsIu\r\na=ice-options:trickle\r\na=fingerprint:sha-256 EA:E9:E7:AC:C9:B9:7F:3A:69:"
                        + "BF:7A:C2:D6:92:2B:6D:74:06:73:D0:1B:46:83:DD:44:63:02:DA:65:85:CB:27\r\na=setup:actpass\r\na=mid:0",
                        "c=NET IP4 0.0.0.0\r\na=mid:0"), "c= needs IN IP4|IP6 <address>"),
                Arguments.of(SdpFixtures.load(SdpFixtures.OFFER_SIMULCAST).replace("a=simulcast:send q;h;f",
                        "a=simulcast:send q;h;x"), "simulcast names rid 'x' without a matching a=rid:x send"),
                Arguments.of(SdpFixtures.load(SdpFixtures.OFFER_SIMULCAST).replace("a=rid:h send", "a=rid:h sideways"),
                        "a=rid needs <id> send|recv"),
                Arguments.of(SdpFixtures.load(SdpFixtures.OFFER_SIMULCAST).replace("a=rid:h send", "a=rid:q send"),
                        "rid q declared twice"),
                Arguments.of(AV.replace("a=ssrc:488819547 cname", "a=candidate:1 1 udp 5 127.0.0.1 9 host\r\na=ssrc:4888"
                        + "19547 cname"), "candidate"),
                Arguments.of(AV.replace("m=video", "m=video\r"), "stray carriage return"));
    }

    @ParameterizedTest
    @MethodSource("brokenOffers")
    void brokenOfferIsRejectedWithAClearMessage(String sdp, String expectedMessagePart) {
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(sdp));
        assertEquals("bad-sdp", e.code());
        assertTrue(e.getMessage().contains(expectedMessagePart),
                () -> "message '" + e.getMessage() + "' should contain '" + expectedMessagePart + "'");
    }

    @Test
    void nullAndOversizedInputAreSdpExceptions() {
        assertThrows(SdpException.class, () -> SessionDescription.parse(null));
        String huge = AV + "a=x:" + "y".repeat(SdpParser.MAX_LENGTH);
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(huge));
        assertTrue(e.getMessage().contains("exceeds"));
    }

    @Test
    void randomTruncationsParseOrThrowSdpException() {
        Random random = new Random(20261127);
        for (String name : new String[] {SdpFixtures.OFFER_AUDIO_VIDEO, SdpFixtures.OFFER_SIMULCAST}) {
            String offer = SdpFixtures.load(name);
            for (int i = 0; i < 400; i++) {
                String truncated = offer.substring(0, random.nextInt(offer.length() + 1));
                parseAndAnswerOrSdpException(truncated);
            }
        }
    }

    @Test
    void randomByteMutationsParseOrThrowSdpException() {
        Random random = new Random(7983);
        String alphabet = "0123456789abcdefAZ:/=; \r\n~*-,.";
        for (String name : new String[] {SdpFixtures.OFFER_AUDIO_VIDEO, SdpFixtures.OFFER_SIMULCAST}) {
            String offer = SdpFixtures.load(name);
            for (int i = 0; i < 400; i++) {
                StringBuilder mutated = new StringBuilder(offer);
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> mutated.deleteCharAt(at);
                        default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                parseAndAnswerOrSdpException(mutated.toString());
            }
        }
    }

    /** Whatever parses is also fed to the answer builder, which must answer or refuse with SdpException. */
    private static void parseAndAnswerOrSdpException(String sdp) {
        SessionDescription parsed;
        try {
            parsed = SessionDescription.parse(sdp);
        } catch (SdpException expected) {
            assertEquals("bad-sdp", expected.code());
            return;
        }
        try {
            Answer answer = AnswerBuilder.answerPublish(parsed, SdpFixtures.SERVER);
            SessionDescription.parse(answer.sdp());
        } catch (SdpException refused) {
            assertEquals("bad-sdp", refused.code());
        }
        Map<String, OutgoingTrack> byMid = new HashMap<>();
        for (MediaSection section : parsed.media()) {
            if (section.mid() != null && (section.kind().equals("audio") || section.kind().equals("video"))) {
                MediaKind kind = section.kind().equals("audio") ? MediaKind.AUDIO : MediaKind.VIDEO;
                byMid.put(section.mid(), new OutgoingTrack(kind, 5, 6, "cname", "stream", "track" + section.mid()));
            }
        }
        try {
            Answer answer = AnswerBuilder.answerSubscribe(parsed, SdpFixtures.SERVER, byMid);
            SessionDescription.parse(answer.sdp());
        } catch (SdpException refused) {
            assertEquals("bad-sdp", refused.code());
        }
    }
}
