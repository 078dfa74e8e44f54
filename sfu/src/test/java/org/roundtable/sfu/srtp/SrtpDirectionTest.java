package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jitsi.srtp.SrtpErrorStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * The sending side's replay check (jitsi-srtp's consistency check on protect, on by default):
 * what the SFU's own SRTP context does when forwarding offers it a sequence number twice. See
 * docs/transport.md for why the browser tests log these refusals.
 */
class SrtpDirectionTest {
    private static final long SSRC = 0x11223344L;

    @BeforeAll
    static void crypto() {
        SrtpCrypto.init();
    }

    private static SrtpDirection sender(SrtpProfile profile) {
        byte[] key = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, key);
        return new SrtpDirection(profile, keys.localKey(false), keys.localSalt(false), true);
    }

    private static PacketBuffer rtp(int seq) {
        byte[] b = new byte[12 + 100];
        b[0] = (byte) 0x80;
        b[1] = 96;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[8] = (byte) (SSRC >> 24);
        b[9] = (byte) (SSRC >> 16);
        b[10] = (byte) (SSRC >> 8);
        b[11] = (byte) SSRC;
        return new PacketBuffer().copyFrom(b, 0, b.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSenderRefusesASequenceNumberItAlreadySentOrOneOutsideTheWindow(SrtpProfile profile) {
        SrtpDirection out = sender(profile);
        for (int seq = 1000; seq <= 1100; seq++) {
            assertEquals(SrtpErrorStatus.OK, out.transformRtp(rtp(seq)), "seq " + seq);
        }
        assertEquals(SrtpErrorStatus.REPLAY_FAIL, out.transformRtp(rtp(1090)), "sent already");
        assertEquals(SrtpErrorStatus.REPLAY_OLD, out.transformRtp(rtp(1030)), "more than 64 behind the newest");
        assertEquals(SrtpErrorStatus.OK, out.transformRtp(rtp(1101)), "the stream goes on");
        out.close();
    }
}
