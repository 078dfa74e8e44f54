package org.roundtable.sfu.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.DelayDistribution;

class DelayHistogramTest {

    private static DelayDistribution of(DelayHistogram h) {
        long[] counts = new long[DelayHistogram.buckets()];
        long sum = h.addTo(counts);
        return DelayHistogram.distribution(counts, sum);
    }

    @Test
    void delaysLandInTheBucketWhoseUpperBoundTheyDoNotExceed() {
        DelayHistogram h = new DelayHistogram();
        h.record(50_000);      // exactly 50 µs: first bucket
        h.record(50_001);      // just above: second
        h.record(-3);          // a clock step: counts as 0
        h.record(1_500_000);   // 1.5 ms: the (1, 2] ms bucket
        h.record(400_000_000); // 400 ms: above every bound
        DelayDistribution d = of(h);
        long[] counts = d.counts();
        assertEquals(2, counts[0]);
        assertEquals(1, counts[1]);
        assertEquals(1, counts[5]);
        assertEquals(1, counts[counts.length - 1]);
        assertEquals(5, d.total());
        assertEquals(0.00005 + 0.000050001 + 0.0015 + 0.4, d.sumSeconds(), 1e-9);
        assertEquals(0.002, d.upperBoundsSeconds()[5], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, d.upperBoundsSeconds()[counts.length - 1]);
    }

    @Test
    void workersHistogramsAddUp() {
        DelayHistogram a = new DelayHistogram();
        DelayHistogram b = new DelayHistogram();
        a.record(10_000);
        b.record(10_000);
        b.record(3_000_000);
        long[] counts = new long[DelayHistogram.buckets()];
        long sum = a.addTo(counts) + b.addTo(counts);
        assertEquals(2, counts[0]);
        assertEquals(1, counts[6]);
        assertEquals(3_020_000, sum);
    }

    @Test
    void quantilesInterpolateInsideTheirBucketLikePrometheus() {
        // 100 delays: 50 in (0, 1 ms], 40 in (1, 2 ms], 10 in (2, 5 ms]
        DelayDistribution d = new DelayDistribution(new double[] {0.001, 0.002, 0.005, Double.POSITIVE_INFINITY},
                new long[] {50, 40, 10, 0}, 0.12);
        assertEquals(0.001, d.quantile(0.5), 1e-12);        // rank 50: the top of the first bucket
        assertEquals(0.0015, d.quantile(0.7), 1e-12);       // rank 70: halfway through the second
        assertEquals(0.0035, d.quantile(0.95), 1e-12);      // rank 95: halfway through the third
        assertEquals(0.005, d.quantile(1.0), 1e-12);
        assertTrue(Double.isNaN(DelayDistribution.EMPTY.quantile(0.5)));
    }

    @Test
    void aQuantileInTheOverflowBucketIsTheLargestFiniteBound() {
        DelayDistribution d = new DelayDistribution(new double[] {0.001, Double.POSITIVE_INFINITY}, new long[] {1, 9}, 5);
        assertEquals(0.001, d.quantile(0.99), 1e-12);
    }

    @Test
    void aDistributionNeedsOneCountPerBoundAndAnInfiniteLastBound() {
        assertThrows(IllegalArgumentException.class, () -> new DelayDistribution(new double[] {0.001}, new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new DelayDistribution(new double[] {0.001, Double.POSITIVE_INFINITY}, new long[] {1}, 0));
        long[] counts = {1, 2};
        DelayDistribution d = new DelayDistribution(new double[] {0.001, Double.POSITIVE_INFINITY}, counts, 0);
        counts[0] = 99;
        assertArrayEquals(new long[] {1, 2}, d.counts(), "a copy is kept");
    }
}
