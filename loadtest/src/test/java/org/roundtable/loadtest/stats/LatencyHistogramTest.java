package org.roundtable.loadtest.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10; v++) {
            h.recordMicros(v);
        }
        assertEquals(5, h.percentileMicros(50));
        assertEquals(10, h.percentileMicros(99));
        assertEquals(10, h.percentileMicros(100));
        assertEquals(1, h.percentileMicros(0));
        assertEquals(10, h.maxMicros());
        assertEquals(5.5, h.meanMicros(), 1e-9);
    }

    @Test
    void percentilesOfOneToTenThousandAreWithinBucketPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++) {
            h.recordMicros(v);
        }
        assertWithin(5_000, h.percentileMicros(50));
        assertWithin(9_500, h.percentileMicros(95));
        assertWithin(9_900, h.percentileMicros(99));
        assertEquals(10_000, h.percentileMicros(100));
        assertEquals(10_000, h.count());
    }

    @Test
    void bucketsCoverEveryValueWithoutGaps() {
        for (int i = 1; i < 27 * LatencyHistogram.SUB_BUCKETS - 1; i++) {
            assertEquals(LatencyHistogram.highestOf(i - 1) + 1, LatencyHistogram.lowestOf(i), "bucket " + i);
            assertEquals(i, LatencyHistogram.indexOf(LatencyHistogram.lowestOf(i)));
            assertEquals(i, LatencyHistogram.indexOf(LatencyHistogram.highestOf(i)));
        }
    }

    @Test
    void mergeAddsCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            a.recordMicros(1000);
        }
        for (int i = 0; i < 10; i++) {
            b.recordMicros(50_000);
        }
        a.add(b);
        assertEquals(100, a.count());
        assertWithin(1000, a.percentileMicros(90));
        assertWithin(50_000, a.percentileMicros(91));
        assertEquals(50_000, a.maxMicros());
    }

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentileMicros(99));
        assertEquals(0, h.maxMicros());
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(actual >= expected && actual <= expected + expected / 32 + 1,
                "expected ~" + expected + " (bucket upper bound), got " + actual);
    }
}
