package org.roundtable.loadtest.participant;

import java.util.List;
import java.util.concurrent.Executor;
import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.loadtest.stats.TrackReception;

/**
 * The lifecycle every simulated participant shares, whatever the server kind: the first failure
 * wins unless the run is ending, transports closing under a leaving participant are not failures,
 * the first media packet is timed from the start of joining, and leaving hands both connections
 * back to the media worker before the signaling is closed. The connections are created and
 * released on the control executor; the volatile fields are read by the reporter.
 */
public abstract class ParticipantLifecycle implements LoadParticipant, ConnectionEvents {
    protected final ParticipantSpec spec;
    protected final Executor control;
    protected final MediaWorker worker;

    // control-executor state
    protected PublishConnection publish;
    protected SubscribeConnection subscribe;

    // read by the reporter
    protected volatile boolean left;
    protected volatile boolean welcomed;
    protected volatile String error;
    protected volatile long joinStartNanos;
    protected volatile List<TrackRef> tracksToReceive = List.of();
    private volatile long firstMediaNanos;

    protected ParticipantLifecycle(ParticipantSpec spec, Executor control, MediaWorker worker) {
        this.spec = spec;
        this.control = control;
        this.worker = worker;
    }

    /** Control executor, before the connections are released on leaving. */
    protected void beforeReleasingConnections() {
    }

    /** Control executor, after the connections were released on leaving. */
    protected abstract void closeSignaling();

    protected final void fail(String why) {
        if (error == null && !left) {
            error = why;
        }
    }

    @Override
    public final void onClosed(Object connection, String reason) {
        if (!left && !"closed".equals(reason)) {
            fail((connection == publish ? "publish" : "subscribe") + " transport closed: " + reason);
        }
    }

    @Override
    public final void onFirstMedia(long arrivalNanos) {
        if (firstMediaNanos == 0) {
            firstMediaNanos = arrivalNanos;
        }
    }

    @Override
    public final void markLeaving() {
        left = true;
    }

    /** Hands the transports back to the worker to close, then closes the signaling. */
    @Override
    public final void leave() {
        left = true;
        control.execute(() -> {
            beforeReleasingConnections();
            if (publish != null) {
                worker.remove(publish);
            }
            if (subscribe != null) {
                worker.remove(subscribe);
            }
            closeSignaling();
        });
    }

    @Override public final ParticipantSpec spec() { return spec; }
    @Override public final boolean welcomed() { return welcomed; }
    @Override public final String error() { return error; }
    @Override public final List<TrackRef> tracksToReceive() { return tracksToReceive; }

    /** Milliseconds from the start of joining to the first media packet, or -1. */
    @Override
    public final double joinToFirstMediaMs() {
        long first = firstMediaNanos;
        return first == 0 || joinStartNanos == 0 ? -1 : (first - joinStartNanos) / 1e6;
    }

    /** Worker thread (or after the worker stopped). */
    @Override
    public final List<TrackReception> receptions() {
        SubscribeConnection s = subscribe;
        return s == null ? List.of() : s.receptions();
    }

    @Override
    public final ParticipantCounters counters() {
        return ParticipantCounters.of(publish, subscribe);
    }
}
