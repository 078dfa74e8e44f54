package org.roundtable.loadtest.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RtpReceiveStateTest {
    private static final long MS = 1_000_000L;

    @Test
    void reportBlockFieldsFollowRfc3550() {
        RtpReceiveState s = new RtpReceiveState(42, 90_000);
        // 65530..65535, 0..3 with 65533 and 1 missing: 10 expected, 8 received
        int[] seqs = {65530, 65531, 65532, 65534, 65535, 0, 2, 3};
        long t = 0;
        for (int seq : seqs) {
            s.onPacket(seq, 1000, t);
            t += MS;
        }
        assertEquals((1L << 16) | 3, s.extendedHighest(), "one wrap: cycles in the high 16 bits");
        assertEquals(2, s.cumulativeLost());
        assertEquals((2 << 8) / 10, s.fractionLostAndAdvance());
        assertEquals(0, s.fractionLostAndAdvance(), "nothing new since the last report");
    }

    @Test
    void dlsrCountsFromTheLastSenderReport() {
        RtpReceiveState s = new RtpReceiveState(1, 48_000);
        assertEquals(0, s.dlsr(5_000 * MS));
        s.onSenderReport(0xABCD1234L, 1_000 * MS);
        assertEquals(0xABCD1234L, s.lsr());
        assertEquals(65536 / 2, s.dlsr(1_500 * MS));
    }

    @Test
    void nacksMissingPacketsAfterTheirAgeAndGivesUpAfterThreeTries() {
        RtpReceiveState s = new RtpReceiveState(7, 90_000);
        s.onPacket(100, 0, 0);
        s.onPacket(104, 0, 10 * MS);
        int[] out = new int[16];
        assertEquals(0, s.collectNacks(20 * MS, 30 * MS, out), "too young to ask for");
        assertEquals(3, s.collectNacks(40 * MS, 30 * MS, out));
        assertEquals(101, out[0]);
        assertEquals(103, out[2]);
        s.onPacket(102, 0, 45 * MS); // retransmission arrived
        assertEquals(2, s.missingCount());
        assertEquals(2, s.collectNacks(80 * MS, 30 * MS, out));
        assertEquals(2, s.collectNacks(120 * MS, 30 * MS, out));
        assertEquals(0, s.missingCount(), "asked three times: given up");
    }
}
