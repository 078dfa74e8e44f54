package org.roundtable.loadtest.stats;

/**
 * Counts gaps longer than a threshold between consecutive arrivals of one stream (a video
 * receiver shows them as freezes, an audio one as dropouts). Confined to one thread.
 */
public final class FreezeDetector {
    private final long thresholdNanos;
    private long lastArrival;
    private boolean started;
    private long freezes;
    private long frozenNanos;
    private long longestNanos;

    public FreezeDetector(long thresholdNanos) {
        this.thresholdNanos = thresholdNanos;
    }

    public void onArrival(long nanos) {
        if (started) {
            long gap = nanos - lastArrival;
            if (gap > thresholdNanos) {
                freezes++;
                frozenNanos += gap;
                longestNanos = Math.max(longestNanos, gap);
            }
            if (gap < 0) {
                return;
            }
        }
        started = true;
        lastArrival = nanos;
    }

    /** Counts a gap still open at {@code nowNanos} (stream stopped) as a freeze too. */
    public long openGapNanos(long nowNanos) {
        return started ? Math.max(0, nowNanos - lastArrival) : 0;
    }

    public long freezes() { return freezes; }
    public long frozenNanos() { return frozenNanos; }
    public long longestNanos() { return longestNanos; }
}
