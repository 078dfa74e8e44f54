package org.roundtable.loadtest.stats;

/**
 * A fixed-size log-linear histogram of durations in microseconds: exact below 1 ms in 10 µs
 * steps is not needed here, so each power of two from 1 µs up to ~68 s gets {@link #SUB_BUCKETS}
 * linear buckets (relative error below 1/32). Recording allocates nothing. Confined to one
 * thread; merge snapshots with {@link #add}.
 */
public final class LatencyHistogram {
    static final int SUB_BUCKETS = 32;
    private static final int SUB_BITS = 5;
    private static final int MAGNITUDES = 27; // up to 2^(26+5) µs
    private final long[] counts = new long[MAGNITUDES * SUB_BUCKETS];
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;
    private double sum;

    public void recordMicros(long micros) {
        long v = Math.max(0, micros);
        counts[indexOf(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
        if (v < min) {
            min = v;
        }
    }

    static int indexOf(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v) - (SUB_BITS - 1);
        if (magnitude >= MAGNITUDES) {
            return MAGNITUDES * SUB_BUCKETS - 1;
        }
        int sub = (int) (v >>> (magnitude - 1)) & (SUB_BUCKETS - 1);
        return magnitude * SUB_BUCKETS + sub;
    }

    /** Lowest value that maps to bucket {@code index}. */
    static long lowestOf(int index) {
        int magnitude = index / SUB_BUCKETS;
        int sub = index % SUB_BUCKETS;
        if (magnitude == 0) {
            return sub;
        }
        return ((long) (SUB_BUCKETS + sub)) << (magnitude - 1);
    }

    /** Highest value that maps to bucket {@code index}. */
    static long highestOf(int index) {
        int magnitude = index / SUB_BUCKETS;
        if (magnitude == 0) {
            return index;
        }
        return lowestOf(index) + (1L << (magnitude - 1)) - 1;
    }

    /**
     * The value at {@code percentile} (0..100): the smallest recorded value v such that at
     * least that share of values is <= v, reported as the upper bound of its bucket (capped by max).
     */
    public long percentileMicros(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        rank = Math.max(1, Math.min(total, rank));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.max(min, Math.min(max, highestOf(i)));
            }
        }
        return max;
    }

    public double percentileMillis(double percentile) { return percentileMicros(percentile) / 1000.0; }

    public long count() { return total; }
    public long maxMicros() { return total == 0 ? 0 : max; }
    public double meanMicros() { return total == 0 ? 0 : sum / total; }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        if (other.total > 0) {
            max = Math.max(max, other.max);
            min = Math.min(min, other.min);
        }
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
        min = Long.MAX_VALUE;
        sum = 0;
    }

    public LatencyHistogram copy() {
        LatencyHistogram c = new LatencyHistogram();
        c.add(this);
        return c;
    }
}
