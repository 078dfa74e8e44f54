package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jitsi.srtp.SrtpErrorStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * The native AES-GCM sender against jitsi-srtp's: the same bytes for the same packets (the
 * Chromium vectors are in {@link SrtpKnownAnswerTest}), across a sequence number wrap and late
 * packets, with CSRCs, header extensions and padding; and what a jitsi-srtp receiver makes of them.
 */
class GcmRtpSenderTest {
    private static final SrtpProfile GCM = SrtpProfile.AEAD_AES_128_GCM;
    private final Random random = new Random(7);
    private final byte[] key = new byte[16];
    private final byte[] salt = new byte[12];

    @BeforeAll
    static void init() {
        SrtpCrypto.init();
    }

    @Test
    void theSealerIsBuiltAndLoaded() {
        // ./test installs gcc and libssl-dev, so a build that fails to make or load the library
        // (and would fall back silently to jitsi-srtp) fails here instead of skipping the rest
        assertNull(NativeGcm.unavailableReason(), "libroundtable_srtp: run ./test, which installs gcc and libssl-dev");
        assertTrue(new SrtpDirection(GCM, key(), salt(), true).sealsNatively());
        assertEquals(false, new SrtpDirection(GCM, key(), salt(), false).sealsNatively(), "receiving stays with jitsi-srtp");
        assertEquals(false, new SrtpDirection(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key(), new byte[14], true).sealsNatively());
        assertEquals(false, new SrtpDirection(GCM, key(), salt(), true, false).sealsNatively(), "the jitsi-srtp path stays reachable");
    }

    @Test
    void sealsExactlyAsJitsiSrtpAcrossAWrapAndLatePackets() {
        requireSealer();
        SrtpDirection ours = new SrtpDirection(GCM, key(), salt(), true);
        SrtpDirection jitsi = new SrtpDirection(GCM, key, salt, true, false);
        SrtpDirection receiver = new SrtpDirection(GCM, key, salt, false);
        int[] seqs = {65530, 65531, 65533, 65532, 65535, 0, 1, 65534, 2, 3, 1000, 999, 20000, 40000, 40001, 7000, 7001};
        for (int i = 0; i < seqs.length; i++) {
            for (long ssrc : new long[] {0x11223344L, 0xF0E0D0C0L}) {
                byte[] plain = rtp(seqs[i], ssrc, i % 3, i % 2 == 0, i % 4 == 1, 20 + 83 * i);
                PacketBuffer a = packet(plain);
                PacketBuffer b = packet(plain);
                assertEquals(SrtpErrorStatus.OK, ours.transformRtp(a));
                assertEquals(SrtpErrorStatus.OK, jitsi.transformRtp(b));
                assertArrayEquals(bytes(b), bytes(a), "seq " + seqs[i] + " ssrc " + Long.toHexString(ssrc));
                assertEquals(SrtpErrorStatus.OK, receiver.transformRtp(a), "receiver, seq " + seqs[i]);
                assertArrayEquals(plain, bytes(a));
            }
        }
        assertEquals(2, ours.rtpStreams());
    }

    @Test
    void sealsExactlyAsJitsiSrtpWithARolloverCounterOfSeveralBytes() {
        requireSealer();
        SrtpDirection ours = new SrtpDirection(GCM, key(), salt(), true);
        SrtpDirection jitsi = new SrtpDirection(GCM, key, salt, true, false);
        byte[] plain = rtp(0, 0x5EED, 0, false, false, 60);
        for (int i = 0; i < 1300; i++) { // 30000 a step: a wrap every ~2.2 packets, ROC ~590 at the end
            int seq = (i * 30000) & 0xFFFF;
            PacketBuffer a = packet(plain);
            PacketBuffer b = packet(plain);
            a.getBuffer()[a.getOffset() + 2] = b.getBuffer()[b.getOffset() + 2] = (byte) (seq >> 8);
            a.getBuffer()[a.getOffset() + 3] = b.getBuffer()[b.getOffset() + 3] = (byte) seq;
            assertEquals(SrtpErrorStatus.OK, ours.transformRtp(a));
            assertEquals(SrtpErrorStatus.OK, jitsi.transformRtp(b));
            assertArrayEquals(bytes(b), bytes(a), "packet " + i);
        }
    }

    @Test
    void growsABufferWithoutRoomForTheTag() {
        requireSealer();
        SrtpDirection ours = new SrtpDirection(GCM, key(), salt(), true);
        byte[] plain = rtp(5, 1, 0, false, false, 100);
        PacketBuffer tight = new PacketBuffer(Arrays.copyOf(plain, plain.length));
        tight.setOffset(0);
        tight.setLength(plain.length);
        assertEquals(SrtpErrorStatus.OK, ours.transformRtp(tight));
        assertEquals(plain.length + 16, tight.getLength());
        SrtpDirection receiver = new SrtpDirection(GCM, key, salt, false);
        assertEquals(SrtpErrorStatus.OK, receiver.transformRtp(tight));
        assertArrayEquals(plain, bytes(tight));
    }

    @Test
    void refusesAHeaderLongerThanThePacket() {
        requireSealer();
        SrtpDirection ours = new SrtpDirection(GCM, key(), salt(), true);
        byte[] plain = rtp(5, 1, 2, true, false, 0);
        for (int cut = 0; cut < plain.length; cut++) {
            assertEquals(SrtpErrorStatus.INVALID_PACKET, ours.transformRtp(packet(Arrays.copyOf(plain, cut))), "cut at " + cut);
        }
        assertEquals(SrtpErrorStatus.OK, ours.transformRtp(packet(plain)), "a packet that is all header");
    }

    private byte[] key() {
        random.nextBytes(key);
        return key.clone();
    }

    private byte[] salt() {
        random.nextBytes(salt);
        return salt.clone();
    }

    /** An RTP packet with {@code csrcs} CSRCs, optionally a one-byte extension block and padding. */
    private byte[] rtp(int seq, long ssrc, int csrcs, boolean extension, boolean padding, int payload) {
        int header = 12 + 4 * csrcs + (extension ? 8 : 0);
        int pad = padding ? 4 : 0;
        byte[] b = new byte[header + payload + pad];
        random.nextBytes(b);
        b[0] = (byte) (0x80 | (padding ? 0x20 : 0) | (extension ? 0x10 : 0) | csrcs);
        b[1] = 96;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            b[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        if (extension) {
            int at = 12 + 4 * csrcs;
            b[at] = (byte) 0xBE;
            b[at + 1] = (byte) 0xDE;
            b[at + 2] = 0;
            b[at + 3] = 1;
            b[at + 4] = 0x10; // id 1, one byte
            b[at + 6] = 0;
            b[at + 7] = 0;
        }
        if (padding) {
            b[b.length - 1] = (byte) pad;
        }
        return b;
    }

    private static PacketBuffer packet(byte[] b) {
        return new PacketBuffer().copyFrom(b, 0, b.length);
    }

    private static byte[] bytes(PacketBuffer p) {
        return Arrays.copyOfRange(p.getBuffer(), p.getOffset(), p.getOffset() + p.getLength());
    }

    /** The comparisons below need the sealer; without it they must fail, not pass by testing jitsi-srtp against itself. */
    private static void requireSealer() {
        assertTrue(NativeGcm.available(), "libroundtable_srtp not loaded: " + NativeGcm.unavailableReason());
    }
}
