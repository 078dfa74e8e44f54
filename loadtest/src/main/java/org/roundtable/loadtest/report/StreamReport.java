package org.roundtable.loadtest.report;

/**
 * What one receiver measured on one subscribed track, end to end. Immutable.
 *
 * @param receiver   the receiving participant's name
 * @param publisher  the publishing participant's name
 * @param kind       audio or video
 * @param expected   packets the publisher numbered in the span the receiver saw (all layers)
 * @param lost       expected minus unique packets received, never negative
 * @param jitterMs   RFC 3550 interarrival jitter at the end of the run
 * @param freezes    gaps between arrivals longer than 500 ms
 */
public record StreamReport(String receiver, String publisher, String kind,
                           long expected, long received, long lost, long duplicates, long outOfOrder,
                           long bytes, double jitterMs, double latencyMsP50, double latencyMsP95,
                           double latencyMsP99, double latencyMsMax, long freezes, double frozenSeconds,
                           int layersSeen) {

    public double lossPercent() {
        return expected == 0 ? 0 : 100.0 * lost / expected;
    }
}
