package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jitsi.srtp.SrtpErrorStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * Replay checks per direction: the SFU's sending context accepts older sequence numbers (late
 * retransmissions forwarded to receivers), its receiving context refuses replays. See
 * docs/transport.md for why jitsi-srtp's send-side check is off.
 */
class SrtpDirectionTest {
    private static final long SSRC = 0x11223344L;

    @BeforeAll
    static void crypto() {
        SrtpCrypto.init();
    }

    private static SrtpDirection direction(SrtpProfile profile, boolean protect) {
        byte[] key = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, key);
        return new SrtpDirection(profile, keys.localKey(false), keys.localSalt(false), protect);
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
    void theSenderAcceptsLateSequenceNumbersAndTheReceiverRefusesReplays(SrtpProfile profile) {
        SrtpDirection out = direction(profile, true);
        SrtpDirection in = direction(profile, false);
        PacketBuffer[] sent = new PacketBuffer[101];
        for (int seq = 1000; seq <= 1100; seq++) {
            PacketBuffer p = rtp(seq);
            assertEquals(SrtpErrorStatus.OK, out.transformRtp(p), "seq " + seq);
            sent[seq - 1000] = new PacketBuffer().copyFrom(p);
        }
        assertEquals(SrtpErrorStatus.OK, out.transformRtp(rtp(1090)), "a late retransmission goes out");
        assertEquals(SrtpErrorStatus.OK, out.transformRtp(rtp(1030)), "even more than 64 behind the newest");

        for (PacketBuffer p : sent) {
            assertEquals(SrtpErrorStatus.OK, in.transformRtp(new PacketBuffer().copyFrom(p)));
        }
        assertEquals(SrtpErrorStatus.REPLAY_FAIL, in.transformRtp(new PacketBuffer().copyFrom(sent[90])), "received already");
        assertEquals(SrtpErrorStatus.REPLAY_OLD, in.transformRtp(new PacketBuffer().copyFrom(sent[30])), "outside the window");
        out.close();
        in.close();
    }
}
