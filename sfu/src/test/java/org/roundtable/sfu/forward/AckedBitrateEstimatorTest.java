package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AckedBitrateEstimatorTest {
    @Test
    void firstSampleIsTakenAsIsThenSmoothed() {
        AckedBitrateEstimator e = new AckedBitrateEstimator();
        assertEquals(0, e.bitrateBps());
        e.onFeedback(12_500, 0, 100_000, 11, 0); // 100 kbit in 0.1 s
        assertEquals(1_000_000, e.bitrateBps());
        e.onFeedback(25_000, 0, 100_000, 11, 0); // 2 Mbit/s sample
        assertEquals(1_250_000, e.bitrateBps());
    }

    @Test
    void shortSpansAndSinglePacketsDoNotMoveTheRateButCountLoss() {
        AckedBitrateEstimator e = new AckedBitrateEstimator();
        e.onFeedback(1_000, 0, 5_000, 2, 2);
        assertEquals(0, e.bitrateBps());
        assertEquals(0.5, e.lossFraction(), 1e-9);
        e.onFeedback(0, 0, 0, 1, 0);
        assertEquals(0, e.bitrateBps());
        assertEquals(0.375, e.lossFraction(), 1e-9);
        assertEquals(2, e.feedbacks());
    }

    @Test
    void historyKnowsRecentPacketsByTransportSequence() {
        SentPacketHistory h = new SentPacketHistory();
        h.onSent(65_535, 1200, 7);
        h.onSent(0, 300, 8);
        assertEquals(1200, h.size(65_535));
        assertEquals(8, h.sendNanos(0));
        assertEquals(-1, h.size(1));
        h.onSent(65_535 + SentPacketHistory.CAPACITY, 10, 9); // same slot, 4096 later (mod 2^16)
        assertEquals(-1, h.size(65_535));
    }
}
