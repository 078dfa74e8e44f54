package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamRewriterTest {
    private static final long MS = 1_000_000L;

    @Test
    void firstSourceIsPassedThroughUnchanged() {
        StreamRewriter r = new StreamRewriter(90_000);
        r.rewrite(111, 1000, 5000, 0);
        assertEquals(1000, r.seq());
        assertEquals(5000, r.ts());
        r.rewrite(111, 1001, 8000, 33 * MS);
        assertEquals(1001, r.seq());
        assertEquals(8000, r.ts());
    }

    @Test
    void newSourceContinuesSequenceAndAdvancesTimestampByElapsedTime() {
        StreamRewriter r = new StreamRewriter(90_000);
        r.rewrite(111, 1000, 5000, 0);
        r.rewrite(111, 1001, 8000, 40 * MS);
        // producer restarted with another SSRC and random numbers, 100 ms later
        r.rewrite(222, 40_000, 3_000_000_000L, 140 * MS);
        assertEquals(1002, r.seq());
        assertEquals(8000 + 9000, r.ts());
        r.rewrite(222, 40_001, 3_000_003_000L, 173 * MS);
        assertEquals(1003, r.seq());
        assertEquals(8000 + 9000 + 3000, r.ts());
    }

    @Test
    void wrapsAroundSixteenAndThirtyTwoBits() {
        StreamRewriter r = new StreamRewriter(48_000);
        r.rewrite(1, 65_535, 0xFFFF_FF00L, 0);
        r.rewrite(2, 10, 100, 20 * MS);
        assertEquals(0, r.seq());
        assertEquals((0xFFFF_FF00L + 960) & 0xFFFF_FFFFL, r.ts());
        r.rewrite(2, 11, 1060, 40 * MS);
        assertEquals(1, r.seq());
        assertEquals((0xFFFF_FF00L + 960 + 960) & 0xFFFF_FFFFL, r.ts());
    }

    @Test
    void lateRetransmissionMapsThroughTheSameOffsetWithoutMovingTheHighest() {
        StreamRewriter r = new StreamRewriter(90_000);
        r.rewrite(1, 100, 0, 0);
        r.rewrite(2, 500, 7000, 10 * MS);
        r.rewrite(2, 502, 7000, 11 * MS);
        r.rewrite(2, 501, 7000, 12 * MS);
        assertEquals(102, r.seq());
        assertEquals(103, r.lastSeq());
    }

    @Test
    void restartWithSameSsrcStartsANewSource() {
        StreamRewriter r = new StreamRewriter(90_000);
        r.rewrite(7, 100, 0, 0);
        r.restart();
        r.rewrite(7, 9, 50, 1 * MS);
        assertEquals(101, r.seq());
        assertEquals(90, r.ts());
    }
}
