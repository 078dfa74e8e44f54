package org.roundtable.sfu.conference;

import org.roundtable.sfu.worker.PeriodicTask;

/**
 * The periodic RTCP duties of one endpoint on one timer: NACK checks every tick, transport-cc
 * feedback every {@link #FEEDBACK_NANOS}, reports every {@link #REPORT_NANOS}; an endpoint that
 * publishes nothing ticks every {@link #IDLE_TICK_NANOS} only. Confined to the conference's worker.
 */
final class EndpointTimer extends PeriodicTask {
    static final long TICK_NANOS = 20_000_000L;
    static final long FEEDBACK_NANOS = 60_000_000L;
    static final long REPORT_NANOS = 1_000_000_000L;
    /**
     * While nothing is published (a viewer), only sender reports are due; ticking every 20 ms for
     * NACKs anyway cost a broadcast's worker ~10,000 timer runs a second per 200 viewers. A publish
     * leg that connects later is served from the next idle tick on.
     */
    static final long IDLE_TICK_NANOS = 100_000_000L;
    /**
     * Ticks fall on a shared grid of 2^22 ns (~4.2 ms), so the worker runs all its endpoints' due
     * ticks in one wake-up: with a free phase per endpoint, 100 endpoints woke the worker 5,000
     * times a second (a park and an unpark each) for a few microseconds of work each time.
     */
    static final long GRID_MASK = (1L << 22) - 1;

    private final Endpoint endpoint;
    private boolean started;
    private long nextFeedback;
    private long nextReport;

    EndpointTimer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    void ensureScheduled() {
        if (started) {
            return;
        }
        started = true;
        long now = endpoint.worker().nanos();
        nextFeedback = now + FEEDBACK_NANOS;
        // a random phase keeps many endpoints' reports from bunching in one tick
        nextReport = now + REPORT_NANOS / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(REPORT_NANOS / 2);
        endpoint.worker().timers().schedule(this, onGrid(now + TICK_NANOS));
    }

    @Override
    protected long run(long now) {
        if (endpoint.isClosed()) {
            return -1;
        }
        EndpointRtcp rtcp = endpoint.rtcp();
        boolean publishing = endpoint.publishLeg().isConnected();
        rtcp.sendNacks(now);
        if (now - nextFeedback >= 0) {
            rtcp.sendTransportCcFeedback(now);
            nextFeedback = now + FEEDBACK_NANOS;
        }
        if (now - nextReport >= 0) {
            rtcp.sendReceiverReports(now);
            rtcp.sendSenderReports(now);
            nextReport = now + REPORT_NANOS;
        }
        if (publishing) {
            return onGrid(now + TICK_NANOS);
        }
        long next = now + IDLE_TICK_NANOS;
        return onGrid(nextReport - next < 0 ? nextReport : next);
    }

    /** The first grid instant at or after {@code nanos}. */
    static long onGrid(long nanos) {
        return (nanos + GRID_MASK) & ~GRID_MASK;
    }
}
