package org.roundtable.loadtest.run;

import org.roundtable.loadtest.stats.LatencyHistogram;

/**
 * Adds up the timeline intervals that fall inside the measurement window (from the last join plus
 * the settling time, for the run's duration): the summary's packets, loss and latency. Guarded by
 * the {@link LoadRunner}'s lock (its reporter thread samples, its runner thread opens and closes).
 */
final class MeasurementWindow {
    private final IntervalTotals sums = new IntervalTotals();
    private boolean open;

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    /** Counts an interval that ended while the window was open. */
    void add(IntervalTotals interval) {
        if (!open) {
            return;
        }
        sums.expected += interval.expected;
        sums.received += interval.received;
        sums.receivedPackets += interval.receivedPackets;
        sums.latency.add(interval.latency);
    }

    long expected() {
        return sums.expected;
    }

    long received() {
        return sums.received;
    }

    long lost() {
        return Math.max(0, sums.expected - sums.received);
    }

    /** Every packet that arrived, duplicates and retransmissions included (the forwarding rate). */
    long receivedPackets() {
        return sums.receivedPackets;
    }

    /** NaN when nothing was expected: an empty window must not read as "no loss". */
    double lossPercent() {
        return IntervalTotals.lossPercent(sums.expected, sums.received);
    }

    LatencyHistogram latency() {
        return sums.latency;
    }
}
