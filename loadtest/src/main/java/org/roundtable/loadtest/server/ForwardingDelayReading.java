package org.roundtable.loadtest.server;

import java.util.ArrayList;
import java.util.List;

/**
 * One reading of Roundtable's {@code roundtable_media_forwarding_delay_seconds} histogram (the
 * time forwarded packets spent inside the server), as cumulative bucket counts. Two readings
 * subtracted give the distribution of the packets forwarded between them: the SFU-added latency
 * of a run, free of the network and of the load generator's own queues. Immutable.
 */
public record ForwardingDelayReading(double[] upperBoundsSeconds, long[] cumulativeCounts) {
    static final String BUCKET = "roundtable_media_forwarding_delay_seconds_bucket{le=\"";

    /** The histogram in a Prometheus text exposition, or null when it has none. */
    public static ForwardingDelayReading parse(String text) {
        List<Double> bounds = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith(BUCKET)) {
                continue;
            }
            int close = line.indexOf("\"}", BUCKET.length());
            if (close < 0) {
                continue;
            }
            String le = line.substring(BUCKET.length(), close);
            try {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                long count = (long) Double.parseDouble(line.substring(close + 2).trim().split("\\s+")[0]);
                bounds.add(bound);
                counts.add(count);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (bounds.isEmpty()) {
            return null;
        }
        return new ForwardingDelayReading(bounds.stream().mapToDouble(Double::doubleValue).toArray(),
                counts.stream().mapToLong(Long::longValue).toArray());
    }

    /** What was recorded since {@code earlier} (same buckets), or this reading if earlier is null. */
    public ForwardingDelayReading since(ForwardingDelayReading earlier) {
        if (earlier == null || earlier.cumulativeCounts.length != cumulativeCounts.length) {
            return this;
        }
        long[] diff = new long[cumulativeCounts.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.max(0, cumulativeCounts[i] - earlier.cumulativeCounts[i]);
        }
        return new ForwardingDelayReading(upperBoundsSeconds, diff);
    }

    public long total() {
        return cumulativeCounts.length == 0 ? 0 : cumulativeCounts[cumulativeCounts.length - 1];
    }

    /**
     * The {@code q} quantile in milliseconds, interpolated inside its bucket as Prometheus'
     * {@code histogram_quantile} does; the largest finite bound if it falls above; NaN if empty.
     */
    public double quantileMillis(double q) {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        for (int i = 0; i < cumulativeCounts.length; i++) {
            if (cumulativeCounts[i] >= rank) {
                if (upperBoundsSeconds[i] == Double.POSITIVE_INFINITY) {
                    return i == 0 ? Double.NaN : upperBoundsSeconds[i - 1] * 1000;
                }
                double lower = i == 0 ? 0 : upperBoundsSeconds[i - 1];
                long below = i == 0 ? 0 : cumulativeCounts[i - 1];
                long inBucket = cumulativeCounts[i] - below;
                double within = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + (upperBoundsSeconds[i] - lower) * within) * 1000;
            }
        }
        return Double.NaN;
    }
}
