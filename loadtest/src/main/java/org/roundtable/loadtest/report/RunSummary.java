package org.roundtable.loadtest.report;

/**
 * The headline numbers of a run (the JSON report's {@code summary}; docs/loadtest.md explains
 * each). Packet counts, loss, latency, server cost and the SFU-added delay cover the measurement
 * window ({@code measureFromSeconds} after the start, for {@code mediaSeconds}); subscriptions,
 * duplicates, reordering, jitter, freezes, joins and the {@code run...} figures cover the whole run,
 * ramp included. Server figures are NaN when they could not be read; the SFU-added delay comes from
 * Roundtable's own forwarding-delay histogram (NaN for Janus). Immutable.
 */
public record RunSummary(
        String target, int participants, int joined, int joinFailures,
        int subscriptions, int subscriptionsReceiving,
        long packetsSent, long packetsExpected, long packetsReceived, long packetsLost,
        double lossPercent, long duplicates, long outOfOrder,
        double jitterMsMean, double jitterMsMax,
        double latencyMsP50, double latencyMsP95, double latencyMsP99, double latencyMsMax,
        double receiveBitrateKbps, double forwardedPacketsPerSecond,
        long freezes, double freezeSeconds,
        double joinToFirstMediaMsP50, double joinToFirstMediaMsMax,
        double measureFromSeconds, double mediaSeconds,
        double serverCpuSeconds, double serverCpuSecondsPerMillionPackets, double serverRssMb,
        double loadtestCpuSeconds,
        double sfuDelayMsP50, double sfuDelayMsP99,
        double runLossPercent, double runLatencyMsP99) {
}
