package org.roundtable.loadtest.report;

/**
 * One interval (usually a second) of the run. Rates are over the interval; latency percentiles
 * of the packets received in it; server figures are NaN when unknown. Immutable.
 */
public record TimelineSample(double seconds, int participants, double sendKbps, double receiveKbps,
                             double receivedPacketsPerSecond, double lossPercent,
                             double latencyMsP50, double latencyMsP95, double latencyMsP99,
                             double serverCpuPercent, double serverRssMb, double loadtestCpuPercent) {
}
