package org.roundtable.loadtest.report;

import java.util.Locale;

/** Renders a run's summary as the plain-text table printed at the end. Stateless. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String render(RunSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n== Roundtable load test: %s ==%n", s.target()));
        row(b, "participants joined", s.joined() + " / " + s.participants()
                + (s.joinFailures() > 0 ? "  (" + s.joinFailures() + " failed)" : ""));
        row(b, "subscriptions receiving", s.subscriptionsReceiving() + " / " + s.subscriptions());
        row(b, "measured", fmt("%.1f s from t=%.1f s (packets, loss, latency, server: this window)",
                s.mediaSeconds(), s.measureFromSeconds()));
        row(b, "packets sent (whole run)", Long.toString(s.packetsSent()));
        row(b, "packets received", s.packetsReceived() + " of " + s.packetsExpected() + " expected");
        row(b, "loss", fmt("%.3f %% (%d lost; whole run: %d dup, %d reordered)", s.lossPercent(), s.packetsLost(),
                s.duplicates(), s.outOfOrder()));
        row(b, "latency p50 / p95 / p99 / max", fmt("%.2f / %.2f / %.2f / %.2f ms", s.latencyMsP50(),
                s.latencyMsP95(), s.latencyMsP99(), s.latencyMsMax()));
        row(b, "whole run loss / p99", fmt("%.3f %% / %.2f ms (ramp included)", s.runLossPercent(), s.runLatencyMsP99()));
        row(b, "SFU-added p50 / p99", fmt("%.3f / %.3f ms (the server's own histogram)", s.sfuDelayMsP50(), s.sfuDelayMsP99()));
        row(b, "jitter mean / max", fmt("%.2f / %.2f ms", s.jitterMsMean(), s.jitterMsMax()));
        row(b, "freezes (>500 ms)", fmt("%d (%.1f s)", s.freezes(), s.freezeSeconds()));
        row(b, "join to first media p50 / max", fmt("%.0f / %.0f ms", s.joinToFirstMediaMsP50(), s.joinToFirstMediaMsMax()));
        row(b, "received bitrate", fmt("%.0f kbps", s.receiveBitrateKbps()));
        row(b, "forwarded packets", fmt("%.0f /s", s.forwardedPacketsPerSecond()));
        row(b, "server CPU", fmt("%.2f s, %.2f s per million packets", s.serverCpuSeconds(),
                s.serverCpuSecondsPerMillionPackets()));
        row(b, "server RSS (max)", fmt("%.0f MB", s.serverRssMb()));
        row(b, "load generator CPU", fmt("%.2f s", s.loadtestCpuSeconds()));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "  %-32s %s%n", name, value));
    }

    private static String fmt(String f, Object... args) {
        String s = String.format(Locale.ROOT, f, args);
        return s.replace("NaN", "n/a");
    }
}
