package org.roundtable.loadtest.server;

/** Reads the server's cost now. Called from the reporting thread only; may block briefly. */
public interface ServerCostProbe {
    ServerCost read();

    /** Where the readings come from, for the report. */
    String source();
}
