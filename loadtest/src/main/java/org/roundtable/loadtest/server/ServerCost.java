package org.roundtable.loadtest.server;

/** A reading of the server's cumulative CPU time and its resident memory; NaN when unknown. Immutable. */
public record ServerCost(double cpuSeconds, double rssBytes) {
    public static final ServerCost UNKNOWN = new ServerCost(Double.NaN, Double.NaN);
}
