package org.roundtable.loadtest.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private static SequenceTracker feed(long... seqs) {
        SequenceTracker t = new SequenceTracker();
        for (long s : seqs) {
            t.onPacket(s);
        }
        return t;
    }

    @Test
    void countsGapsAsLoss() {
        SequenceTracker t = feed(100, 101, 103, 104, 107);
        assertEquals(8, t.expected());
        assertEquals(5, t.received());
        assertEquals(3, t.lost());
        assertEquals(0, t.duplicates());
        assertEquals(0, t.outOfOrder());
    }

    @Test
    void lateArrivalFillsTheGapAndCountsAsOutOfOrder() {
        SequenceTracker t = feed(10, 11, 13, 12, 14);
        assertEquals(5, t.expected());
        assertEquals(0, t.lost());
        assertEquals(1, t.outOfOrder());
    }

    @Test
    void duplicatesAreNotReceivedTwice() {
        SequenceTracker t = new SequenceTracker();
        assertTrue(t.onPacket(5));
        assertTrue(t.onPacket(6));
        assertFalse(t.onPacket(6));
        assertTrue(t.onPacket(7));
        assertFalse(t.onPacket(5));
        assertEquals(3, t.received());
        assertEquals(2, t.duplicates());
        assertEquals(0, t.lost());
    }

    @Test
    void streamJoinedMidwayIsOnlyChargedFromItsFirstPacket() {
        SequenceTracker t = feed(1000, 1001, 1002);
        assertEquals(3, t.expected());
        assertEquals(0, t.lost());
    }

    @Test
    void straggerBeforeTheFirstPacketWidensTheSpan() {
        SequenceTracker t = feed(20, 21, 19);
        assertEquals(3, t.expected());
        assertEquals(0, t.lost());
        assertEquals(1, t.outOfOrder());
    }

    @Test
    void jumpLargerThanTheWindowForgetsOldSlots() {
        SequenceTracker t = feed(0, 1, 1 + SequenceTracker.WINDOW + 5);
        assertEquals(SequenceTracker.WINDOW + 7, t.expected());
        assertEquals(3, t.received());
        // 1 is now far older than the window: neither duplicate nor counted twice as unique by mistake
        t.onPacket(1);
        assertEquals(1, t.tooLate());
    }

    @Test
    void rebaseKeepsTotalsButDoesNotChargeThePause() {
        SequenceTracker t = feed(0, 1, 2);
        t.rebase();
        t.onPacket(500);
        t.onPacket(501);
        assertEquals(5, t.expected());
        assertEquals(5, t.received());
        assertEquals(0, t.lost());
    }

    @Test
    void unwrapperCrossesTheSixteenBitBoundary() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        long a = u.unwrap(65534);
        long b = u.unwrap(65535);
        long c = u.unwrap(0);
        long d = u.unwrap(1);
        assertEquals(1, b - a);
        assertEquals(1, c - b);
        assertEquals(1, d - c);
        assertEquals(1, u.cycles());
        long late = u.unwrap(65533);
        assertEquals(a - 1, late);
    }
}
