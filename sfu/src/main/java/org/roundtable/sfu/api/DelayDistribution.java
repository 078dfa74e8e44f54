package org.roundtable.sfu.api;

import java.util.Arrays;

/**
 * A distribution of delays as histogram buckets: {@code counts[i]} delays were at most
 * {@code upperBoundsSeconds[i]} and above the bound before it; the last bound is +Inf. Cumulative
 * since start, so two readings subtracted give the distribution between them. Immutable.
 */
public record DelayDistribution(double[] upperBoundsSeconds, long[] counts, double sumSeconds) {

    public static final DelayDistribution EMPTY = new DelayDistribution(new double[] {Double.POSITIVE_INFINITY}, new long[1], 0);

    public DelayDistribution {
        if (upperBoundsSeconds.length != counts.length || counts.length == 0
                || upperBoundsSeconds[upperBoundsSeconds.length - 1] != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("one count per bound, the last bound +Inf");
        }
        upperBoundsSeconds = upperBoundsSeconds.clone();
        counts = counts.clone();
    }

    @Override public double[] upperBoundsSeconds() { return upperBoundsSeconds.clone(); }
    @Override public long[] counts() { return counts.clone(); }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The {@code q} quantile (0..1) in seconds, interpolated linearly inside its bucket (as
     * Prometheus' histogram_quantile does); the largest finite bound when it falls in +Inf; NaN if empty.
     */
    public double quantile(double q) {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && seen + counts[i] >= rank) {
                if (upperBoundsSeconds[i] == Double.POSITIVE_INFINITY) {
                    return i == 0 ? Double.NaN : upperBoundsSeconds[i - 1];
                }
                double lower = i == 0 ? 0 : upperBoundsSeconds[i - 1];
                double within = (rank - seen) / counts[i];
                return lower + (upperBoundsSeconds[i] - lower) * Math.max(0, Math.min(1, within));
            }
            seen += counts[i];
        }
        return upperBoundsSeconds[counts.length - 1];
    }
}
