package org.roundtable.loadtest.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FreezeDetectorTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsOnlyGapsAboveTheThreshold() {
        FreezeDetector f = new FreezeDetector(500 * MS);
        long[] arrivalsMs = {0, 33, 66, 600, 633, 1200, 1210};
        for (long t : arrivalsMs) {
            f.onArrival(t * MS);
        }
        assertEquals(2, f.freezes());
        assertEquals((534 + 567) * MS, f.frozenNanos());
        assertEquals(567 * MS, f.longestNanos());
        assertEquals(90 * MS, f.openGapNanos(1300 * MS));
    }
}
