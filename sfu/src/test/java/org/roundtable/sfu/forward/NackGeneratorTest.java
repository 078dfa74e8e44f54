package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NackGeneratorTest {
    private static final long MS = 1_000_000L;
    private final int[] out = new int[64];

    private int[] collect(NackGenerator g, long now) {
        return Arrays.copyOf(out, g.collect(now, out));
    }

    @Test
    void asksForGapsAcrossWraparoundAndStopsWhenRecovered() {
        NackGenerator g = new NackGenerator(3, 20 * MS);
        g.onPacket(65_533);
        g.onPacket(65_534);
        g.onPacket(1); // 65535 and 0 missing
        assertArrayEquals(new int[] {65_535, 0}, collect(g, 0));
        assertArrayEquals(new int[0], collect(g, 10 * MS), "retry interval not yet elapsed");
        g.onPacket(0); // retransmission arrived
        assertArrayEquals(new int[] {65_535}, collect(g, 20 * MS));
        assertEquals(1, g.recovered());
        assertFalse(g.takeKeyframeNeeded());
    }

    @Test
    void givesUpAfterMaxRetriesAndAsksForAKeyframe() {
        NackGenerator g = new NackGenerator(2, 10 * MS);
        g.onPacket(10);
        g.onPacket(12);
        assertArrayEquals(new int[] {11}, collect(g, 0));
        assertArrayEquals(new int[] {11}, collect(g, 10 * MS));
        assertArrayEquals(new int[0], collect(g, 20 * MS));
        assertEquals(0, g.missingCount());
        assertEquals(1, g.givenUp());
        assertTrue(g.takeKeyframeNeeded());
        assertFalse(g.takeKeyframeNeeded());
    }

    @Test
    void onlyPacketsStillMissingAreWantedAsRetransmissions() {
        NackGenerator g = new NackGenerator(3, 20 * MS);
        assertFalse(g.isMissing(7), "nothing is missing before the first packet");
        g.onPacket(65_534);
        g.onPacket(1); // 65_535 and 0 missing, across the wrap
        assertTrue(g.isMissing(65_535));
        assertTrue(g.isMissing(0));
        assertFalse(g.isMissing(65_534), "arrived");
        assertFalse(g.isMissing(1), "arrived");
        assertFalse(g.isMissing(2), "not sent yet");
        g.onPacket(0);
        assertFalse(g.isMissing(0), "recovered: a second copy would be a duplicate");
        assertTrue(g.isMissing(65_535));
    }

    @Test
    void hugeJumpIsARestartNotALoss() {
        NackGenerator g = new NackGenerator(5, 10 * MS);
        g.onPacket(100);
        g.onPacket(100 + NackGenerator.MAX_AGE_PACKETS + 50);
        assertEquals(0, g.missingCount());
        assertTrue(g.takeKeyframeNeeded());
        g.onPacket(100 + NackGenerator.MAX_AGE_PACKETS + 51);
        assertArrayEquals(new int[0], collect(g, 0));
    }

    @Test
    void duplicatesAndReorderingWithoutLossAskForNothing() {
        NackGenerator g = new NackGenerator(5, 10 * MS);
        g.onPacket(1);
        g.onPacket(3);
        g.onPacket(2);
        g.onPacket(3);
        g.onPacket(4);
        assertArrayEquals(new int[0], collect(g, 0));
    }
}
