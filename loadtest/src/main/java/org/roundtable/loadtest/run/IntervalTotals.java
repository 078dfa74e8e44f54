package org.roundtable.loadtest.run;

import org.roundtable.loadtest.stats.LatencyHistogram;

/** Sums over participants for one timeline interval, built on the reporter thread. */
final class IntervalTotals {
    long expected;
    long received;
    long receivedPackets;
    long receivedBytes;
    long sentPackets;
    long sentBytes;
    final LatencyHistogram latency = new LatencyHistogram();

    /** {@code 100 * lost / expected}; NaN when nothing was expected. */
    static double lossPercent(long expected, long received) {
        return expected <= 0 ? Double.NaN : 100.0 * Math.max(0, expected - received) / expected;
    }
}
