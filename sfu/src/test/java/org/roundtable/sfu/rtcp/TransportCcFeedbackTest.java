package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportCcFeedbackTest {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Hand-computed. Base seq 65534, feedback count 7. Reference: 1 000 000 us -> unit 15
     * (960 000 us). Packets: 65534 at 1 000 000 (160 ticks from the reference: small), 65535
     * lost, 0 at 1 000 250 (+1), 1 at 999 000 (reordered: -5, large), 2 at 1 100 000 (+404,
     * large), 3 lost. Symbols 1 0 1 2 2 0: one two-bit vector 11|01 00 01 10 10 00|00 = 0xD1A0.
     */
    private static final String MIXED = "8fcd0006" + "00000001" + "00000002" + "fffe" + "0006" + "00000f" + "07"
            + "d1a0" + "a0" + "01" + "fffb" + "0194";
    private static final long[] MIXED_ARRIVALS = {1_000_000, -1, 1_000_250, 999_000, 1_100_000, -1};

    /** 20 packets 250 us apart from 128 ms: one run-length chunk (symbol 1, run 20) = 0x2014, deltas 0 then 1s, 2 bytes padding. */
    private static final String RUN = "8fcd000a" + "00000001" + "00000002" + "000a" + "0014" + "000002" + "00"
            + "2014" + "00" + "01".repeat(19) + "0000";

    /** received, lost, received, lost, received: one one-bit vector 1|0|10101 000000000 = 0xAA00. */
    private static final String ONE_BIT = "8fcd0006" + "00000001" + "00000002" + "0000" + "0005" + "000000" + "01"
            + "aa00" + "000101" + "000000";

    @Test
    void writesTheMixedVector() {
        byte[] b = new byte[64];
        assertEquals(28, TransportCcFeedback.size(MIXED_ARRIVALS, 6));
        int n = TransportCcFeedback.write(b, 0, 1, 2, 65534, MIXED_ARRIVALS, 6, 7);
        assertEquals(28, n);
        assertEquals(MIXED, HEX.formatHex(b, 0, n));
    }

    @Test
    void parsesTheMixedVector() {
        byte[] b = HEX.parseHex(MIXED);
        TransportCcFeedback fb = new TransportCcFeedback().wrap(b, 0, b.length);
        assertTrue(fb.isValid());
        assertTrue(TransportCcFeedback.matches(b, 0));
        assertEquals(1, fb.senderSsrc());
        assertEquals(2, fb.mediaSsrc());
        assertEquals(65534, fb.baseSequenceNumber());
        assertEquals(6, fb.packetStatusCount());
        assertEquals(15, fb.referenceTime());
        assertEquals(960_000, fb.referenceTimeMicros());
        assertEquals(7, fb.feedbackPacketCount());
        int[] seqs = {65534, 65535, 0, 1, 2, 3};
        int[] statuses = {1, 0, 1, 2, 2, 0};
        int[] deltas = {160, 0, 1, -5, 404, 0};
        for (int i = 0; i < 6; i++) {
            assertTrue(fb.next());
            assertEquals(seqs[i], fb.sequenceNumber());
            assertEquals(statuses[i], fb.status());
            assertEquals(MIXED_ARRIVALS[i] >= 0, fb.received());
            assertEquals(deltas[i], fb.deltaTicks());
            if (fb.received()) {
                assertEquals(MIXED_ARRIVALS[i], fb.arrivalMicros());
            }
        }
        assertFalse(fb.next());
        fb.rewind();
        assertTrue(fb.next());
        assertEquals(65534, fb.sequenceNumber());
    }

    @Test
    void runLengthChunkForARunOfSmallDeltas() {
        long[] arrivals = new long[20];
        for (int i = 0; i < 20; i++) {
            arrivals[i] = 128_000 + 250L * i;
        }
        byte[] b = new byte[64];
        int n = TransportCcFeedback.write(b, 0, 1, 2, 10, arrivals, 20, 0);
        assertEquals(RUN, HEX.formatHex(b, 0, n));
        assertRoundTrip(b, n, 10, arrivals);
    }

    @Test
    void oneBitVectorForMixedReceivedAndLost() {
        long[] arrivals = {0, -1, 250, -1, 500};
        byte[] b = new byte[64];
        int n = TransportCcFeedback.write(b, 0, 1, 2, 0, arrivals, 5, 1);
        assertEquals(ONE_BIT, HEX.formatHex(b, 0, n));
        assertRoundTrip(b, n, 0, arrivals);
    }

    @Test
    void longLossRunsUseSeveralRunLengthChunks() {
        long[] arrivals = new long[9002];
        java.util.Arrays.fill(arrivals, -1);
        arrivals[0] = 5_000_000;
        arrivals[9001] = 5_100_000;
        byte[] b = new byte[128];
        int n = TransportCcFeedback.write(b, 0, 1, 2, 100, arrivals, arrivals.length, 3);
        // 1-bit vector (1 + 13 lost), run 8191 lost, run 796 lost, run of 1 large delta; deltas 1 + 2 bytes.
        assertEquals(20 + 8 + 3 + 1, n);
        assertEquals("a000" + "1fff" + "031c" + "4001", HEX.formatHex(b, 20, 28), "100 ms is a large delta");
        assertRoundTrip(b, n, 100, arrivals);
    }

    @Test
    void negativeReferenceTimeIsSigned24Bit() {
        // The static writer reads negative times as "not received"; clocks before 0 go through the builder.
        TransportCcFeedback.Builder builder = new TransportCcFeedback.Builder(2);
        assertTrue(builder.addReceived(-1000));
        assertTrue(builder.addReceived(-750));
        byte[] b = new byte[64];
        int n = builder.write(b, 0, 1, 2, 0, 0);
        assertEquals("ffffff", HEX.formatHex(b, 16, 19));
        TransportCcFeedback fb = new TransportCcFeedback().wrap(b, 0, n);
        assertEquals(-1, fb.referenceTime());
        assertEquals(-64_000, fb.referenceTimeMicros());
        assertTrue(fb.next());
        assertEquals(-1000, fb.arrivalMicros());
        assertTrue(fb.next());
        assertEquals(-750, fb.arrivalMicros());
    }

    @Test
    void builderRefusesDeltasBeyondSixteenBitsAndIsReusable() {
        TransportCcFeedback.Builder builder = new TransportCcFeedback.Builder(4);
        assertTrue(builder.addReceived(0));
        assertFalse(builder.addReceived(9_000_000), "9 s do not fit in 16 signed bits of 250 us");
        assertEquals(1, builder.packetCount());
        assertTrue(builder.addReceived(8_000_000));
        assertTrue(builder.addLost());
        assertTrue(builder.addLost());
        assertFalse(builder.addLost(), "full");
        byte[] b = new byte[64];
        int n = builder.write(b, 0, 1, 2, 40, 9);
        assertEquals(builder.size(), n);
        assertRoundTrip(b, n, 40, new long[] {0, 8_000_000, -1, -1});
        builder.reset();
        assertTrue(builder.isEmpty());
        assertFalse(builder.hasReceived());
        assertTrue(builder.addReceived(64_000));
        n = builder.write(b, 0, 1, 2, 41, 10);
        assertEquals(1, new TransportCcFeedback().wrap(b, 0, n).referenceTime());
        long[] tooFar = {0, 9_000_000};
        assertEquals(-1, TransportCcFeedback.write(b, 0, 1, 2, 0, tooFar, 2, 0));
        assertEquals(-1, TransportCcFeedback.size(tooFar, 2));
    }

    @Test
    void randomFeedbackRoundTripsToTheTick() {
        Random random = new Random(2016);
        byte[] b = new byte[70_000];
        for (int round = 0; round < 200; round++) {
            int count = 1 + random.nextInt(round < 150 ? 60 : 3000);
            long[] arrivals = new long[count];
            long t = random.nextInt(1 << 30);
            for (int i = 0; i < count; i++) {
                t += random.nextInt(3) == 0 ? random.nextInt(100_000) - 20_000 : random.nextInt(2_000);
                arrivals[i] = random.nextInt(5) == 0 ? -1 : t;
            }
            int baseSeq = random.nextInt(65536);
            int n = TransportCcFeedback.write(b, 0, 7, 8, baseSeq, arrivals, count, round);
            assertEquals(TransportCcFeedback.size(arrivals, count), n);
            assertEquals(0, n % 4);
            assertRoundTrip(b, n, baseSeq, arrivals);
        }
    }

    /** Every packet comes back with its received flag and its arrival time rounded to a 250 us tick. */
    private static void assertRoundTrip(byte[] b, int n, int baseSeq, long[] arrivals) {
        assertEquals(1, RtcpCompound.count(b, 0, n));
        TransportCcFeedback fb = new TransportCcFeedback().wrap(b, 0, n);
        assertTrue(fb.isValid());
        assertEquals(baseSeq, fb.baseSequenceNumber());
        assertEquals(arrivals.length, fb.packetStatusCount());
        for (int i = 0; i < arrivals.length; i++) {
            assertTrue(fb.next());
            assertEquals((baseSeq + i) & 0xFFFF, fb.sequenceNumber());
            if (arrivals[i] >= 0) {
                assertTrue(fb.received(), "packet " + i);
                assertTrue(Math.abs(fb.arrivalMicros() - arrivals[i]) <= 125, "packet " + i);
            } else {
                assertFalse(fb.received(), "packet " + i);
            }
        }
        assertFalse(fb.next());
    }

    @Test
    void skipsEmptyRunLengthChunks() {
        // status count 1: a run of length 0, then a run of one small delta (5 ticks), padding
        byte[] b = HEX.parseHex("8fcd0006" + "00000001" + "00000002" + "0009" + "0001" + "000001" + "00"
                + "0000" + "2001" + "05" + "000000");
        TransportCcFeedback fb = new TransportCcFeedback().wrap(b, 0, b.length);
        assertTrue(fb.isValid());
        assertTrue(fb.next());
        assertEquals(9, fb.sequenceNumber());
        assertTrue(fb.received());
        assertEquals(64_000 + 5 * 250, fb.arrivalMicros());
        assertFalse(fb.next());
    }

    @Test
    void worksAtAnOffset() {
        long[] arrivals = {1_000, 2_000, -1, 3_000};
        byte[] b = new byte[100];
        int n = TransportCcFeedback.write(b, 13, 1, 2, 500, arrivals, arrivals.length, 1);
        TransportCcFeedback fb = new TransportCcFeedback().wrap(b, 13, n);
        assertTrue(fb.isValid());
        assertTrue(fb.next());
        assertEquals(500, fb.sequenceNumber());
        assertEquals(1_000, fb.arrivalMicros());
    }

    @Test
    void rejectsTruncatedAndInconsistentFeedback() {
        String[] bad = {
            // two-bit vector claims 6 packets with 6 delta bytes; only 4 delta bytes present
            "8fcd0005" + "00000001" + "00000002" + "fffe" + "0006" + "00000f" + "07" + "d1a0" + "a001fffb",
            // status count 20 but only one chunk covering 7
            "8fcd0005" + "00000001" + "00000002" + "0000" + "0014" + "000000" + "00" + "c000" + "0000",
            // reserved symbol 3 in a two-bit vector
            "8fcd0005" + "00000001" + "00000002" + "0000" + "0001" + "000000" + "00" + "f000" + "0000",
            // run-length chunk of 5 received packets, no deltas
            "8fcd0005" + "00000001" + "00000002" + "0000" + "0005" + "000000" + "00" + "2005" + "0000",
            // generic NACK FMT
            "81cd0006" + MIXED.substring(8),
            // shorter than the feedback header
            "8fcd0003" + "00000001" + "00000002" + "fffe0006",
        };
        for (String hex : bad) {
            byte[] b = HEX.parseHex(hex);
            TransportCcFeedback fb = new TransportCcFeedback().wrap(b, 0, b.length);
            assertFalse(fb.isValid(), hex);
            assertFalse(fb.next(), hex);
        }
        byte[] b = HEX.parseHex(MIXED);
        for (int len = 0; len < b.length; len++) {
            assertFalse(new TransportCcFeedback().wrap(b, 0, len).isValid(), "cut to " + len);
        }
        // a feedback that ends with the RTCP padding bit set is read without its padding
        byte[] padded = HEX.parseHex("afcd0006" + "00000001" + "00000002" + "0000" + "0005" + "000000" + "01"
                + "aa00" + "000101" + "0000" + "03");
        TransportCcFeedback fb = new TransportCcFeedback().wrap(padded, 0, padded.length);
        assertTrue(fb.isValid());
    }
}
