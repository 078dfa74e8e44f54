package org.roundtable.loadtest.server;

/** For servers whose cost cannot be read (Janus without --server-pid): every reading is unknown. Stateless. */
public final class UnknownCostProbe implements ServerCostProbe {
    private final String why;

    public UnknownCostProbe(String why) {
        this.why = why;
    }

    @Override
    public ServerCost read() {
        return ServerCost.UNKNOWN;
    }

    @Override
    public String source() {
        return "none: " + why;
    }
}
