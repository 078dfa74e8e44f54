package org.roundtable.sfu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RtpStreamRecvTest {
    private static final long MS = 1_000_000L;

    @Test
    void lossAndExtendedSequenceFollowRfc3550() {
        RtpStreamRecv s = new RtpStreamRecv(1, 90_000);
        int[] seqs = {65_534, 65_535, 1, 2}; // 0 lost, across the wrap
        for (int i = 0; i < seqs.length; i++) {
            s.onPacket(seqs[i], i * 3000L, 100, i * 33 * MS);
        }
        assertEquals(65_536 + 2, s.extendedHighestSeq());
        assertEquals(5, s.expected());
        assertEquals(1, s.cumulativeLost());
        assertEquals(256 / 5, s.takeFractionLost());
        assertEquals(0, s.takeFractionLost(), "no new loss in the next interval");
    }

    @Test
    void jitterGrowsWithUnevenArrivalAndIsZeroForPerfectPacing() {
        RtpStreamRecv even = new RtpStreamRecv(1, 90_000);
        RtpStreamRecv uneven = new RtpStreamRecv(2, 90_000);
        for (int i = 0; i < 20; i++) {
            even.onPacket(i, i * 3000L, 100, i * 100 * MS / 3);
            uneven.onPacket(i, i * 3000L, 100, i * 100 * MS / 3 + (i % 2) * 10 * MS);
        }
        assertEquals(0, even.jitter());
        // each transit difference is 10 ms = 900 ticks; J approaches 900 from below
        long j = uneven.jitter();
        assertEquals(true, j > 500 && j < 900, "jitter " + j);
    }

    @Test
    void lsrAndDlsrFromTheLastSenderReport() {
        RtpStreamRecv s = new RtpStreamRecv(1, 48_000);
        assertEquals(0, s.lsr());
        long ntp = (0x1234_5678L << 32) | 0x9ABC_DEF0L;
        s.onSenderReport(ntp, 0, 1_000 * MS);
        assertEquals(0x5678_9ABCL, s.lsr());
        assertEquals(65_536 / 2, s.dlsr(1_500 * MS));
    }
}
