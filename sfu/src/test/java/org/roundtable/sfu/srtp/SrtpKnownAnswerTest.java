package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.jitsi.srtp.SrtpErrorStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roundtable.sfu.buffer.PacketBuffer;

/** SRTP/SRTCP against the vectors captured from Chromium 156 (fixtures/chromium156/srtp). */
class SrtpKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static JsonNode sessions;

    @BeforeAll
    static void load() throws Exception {
        SrtpCrypto.init();
        try (InputStream in = SrtpKnownAnswerTest.class.getResourceAsStream("/fixtures/chromium156/chromium156-srtp-kat.json")) {
            sessions = new ObjectMapper().readTree(in).get("sessions");
        }
    }

    private static JsonNode session(String profile) {
        for (JsonNode s : sessions) {
            if (s.get("profile").asText().equals(profile)) {
                return s;
            }
        }
        throw new IllegalArgumentException(profile);
    }

    private static SrtpProfile profileOf(String name) {
        return name.contains("GCM") ? SrtpProfile.AEAD_AES_128_GCM : SrtpProfile.AES_CM_128_HMAC_SHA1_80;
    }

    private static SrtpDirection direction(JsonNode s, boolean protect) {
        return new SrtpDirection(profileOf(s.get("profile").asText()), HEX.parseHex(s.get("masterKey").asText()),
                HEX.parseHex(s.get("masterSalt").asText()), protect);
    }

    private static PacketBuffer packet(String hex) {
        byte[] b = HEX.parseHex(hex);
        return new PacketBuffer().copyFrom(b, 0, b.length);
    }

    private static byte[] bytes(PacketBuffer p) {
        return Arrays.copyOfRange(p.getBuffer(), p.getOffset(), p.getOffset() + p.getLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    void decryptsEveryRtpVectorAndEncryptsItBack(String profile) {
        JsonNode s = session(profile);
        SrtpDirection in = direction(s, false);
        SrtpDirection out = direction(s, true);
        assertEquals(20, s.get("rtp").size());
        for (JsonNode v : s.get("rtp")) {
            PacketBuffer p = packet(v.get("srtp").asText());
            assertEquals(SrtpErrorStatus.OK, in.transformRtp(p), "seq " + v.get("seq"));
            assertArrayEquals(HEX.parseHex(v.get("rtp").asText()), bytes(p), "plaintext of seq " + v.get("seq"));

            PacketBuffer q = packet(v.get("rtp").asText());
            assertEquals(SrtpErrorStatus.OK, out.transformRtp(q));
            assertArrayEquals(HEX.parseHex(v.get("srtp").asText()), bytes(q), "ciphertext of seq " + v.get("seq"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    void decryptsEveryRtcpVectorAndEncryptsItBack(String profile) {
        JsonNode s = session(profile);
        SrtpDirection in = direction(s, false);
        SrtpDirection out = direction(s, true);
        Set<Long> started = new HashSet<>();
        assertEquals(5, s.get("rtcp").size());
        for (JsonNode v : s.get("rtcp")) {
            PacketBuffer p = packet(v.get("srtcp").asText());
            assertEquals(SrtpErrorStatus.OK, in.transformRtcp(p));
            byte[] plain = HEX.parseHex(v.get("rtcp").asText());
            assertArrayEquals(plain, bytes(p));

            if (started.add(v.get("ssrc").asLong())) {
                // Chromium's SRTCP index starts at 1, jitsi-srtp's at 0: spend index 0 first
                out.transformRtcp(new PacketBuffer().copyFrom(plain, 0, plain.length));
            }
            PacketBuffer q = new PacketBuffer().copyFrom(plain, 0, plain.length);
            assertEquals(SrtpErrorStatus.OK, out.transformRtcp(q));
            assertArrayEquals(HEX.parseHex(v.get("srtcp").asText()), bytes(q), "SRTCP index " + v.get("srtcpIndex"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    void rejectsATamperedPacket(String profile) {
        JsonNode s = session(profile);
        SrtpDirection in = direction(s, false);
        JsonNode v = s.get("rtp").get(0);
        PacketBuffer p = packet(v.get("srtp").asText());
        p.getBuffer()[p.getOffset() + 20] ^= 0x01;
        assertEquals(SrtpErrorStatus.AUTH_FAIL, in.transformRtp(p));
        assertEquals(0, in.rtpStreams(), "a forged packet must not create a context");

        PacketBuffer rtcp = packet(s.get("rtcp").get(0).get("srtcp").asText());
        rtcp.getBuffer()[rtcp.getOffset() + 10] ^= 0x40;
        assertEquals(SrtpErrorStatus.AUTH_FAIL, in.transformRtcp(rtcp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    void rejectsAReplayedPacket(String profile) {
        JsonNode s = session(profile);
        SrtpDirection in = direction(s, false);
        String first = s.get("rtp").get(0).get("srtp").asText();
        assertEquals(SrtpErrorStatus.OK, in.transformRtp(packet(first)));
        assertEquals(SrtpErrorStatus.REPLAY_FAIL, in.transformRtp(packet(first)));

        String rtcp = s.get("rtcp").get(0).get("srtcp").asText();
        assertEquals(SrtpErrorStatus.OK, in.transformRtcp(packet(rtcp)));
        assertEquals(SrtpErrorStatus.REPLAY_FAIL, in.transformRtcp(packet(rtcp)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    void rejectsTruncatedPacketsWithoutThrowing(String profile) {
        SrtpDirection in = direction(session(profile), false);
        byte[] header = HEX.parseHex(session(profile).get("rtp").get(0).get("srtp").asText());
        for (int len = 0; len < 30; len++) {
            PacketBuffer p = new PacketBuffer().copyFrom(header, 0, len);
            SrtpErrorStatus status = in.transformRtp(p);
            assertEquals(true, status != SrtpErrorStatus.OK, "length " + len);
        }
    }
}
