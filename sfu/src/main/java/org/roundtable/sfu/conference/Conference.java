package org.roundtable.sfu.conference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.sfu.worker.MediaWorker;

/**
 * The media side of one roundtable, confined to one media worker. The {@link ConferenceHandle}
 * methods are thread-safe (the endpoint registry is concurrent; state changes are queued on the
 * worker); producers, consumers and packets are touched only on the worker.
 */
public final class Conference implements ConferenceHandle {
    private static final Logger LOG = Logger.getLogger(Conference.class.getName());

    private final String id;
    private final MediaWorker worker;
    private final ConferenceListener listener;
    private final SfuContext context;
    private final Consumer<Conference> onClosed;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Producer> producersByTrack = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public Conference(String id, MediaWorker worker, ConferenceListener listener, SfuContext context,
                      Consumer<Conference> onClosed) {
        this.id = id;
        this.worker = worker;
        this.listener = listener == null ? ConferenceListener.NONE : listener;
        this.context = context;
        this.onClosed = onClosed;
    }

    @Override public String id() { return id; }

    @Override
    public EndpointHandle addEndpoint(String endpointId, boolean mayPublish) {
        if (closed.get()) {
            throw new MediaException("closed", "conference " + id + " is closed");
        }
        Endpoint e = new Endpoint(endpointId, this, mayPublish);
        if (endpoints.putIfAbsent(endpointId, e) != null) {
            throw new MediaException("duplicate-endpoint", "endpoint " + endpointId + " already in conference " + id);
        }
        return e;
    }

    @Override
    public int endpointCount() {
        return endpoints.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::freeAll);
        } catch (IllegalStateException stopped) {
            endpoints.clear();
            onClosed.accept(this);
        }
    }

    /** Frees every endpoint; on the worker (or after it stopped). */
    void freeAll() {
        for (Endpoint e : new ArrayList<>(endpoints.values())) {
            removeEndpoint(e, null);
        }
        onClosed.accept(this);
    }

    public boolean isClosed() { return closed.get(); }

    /** The worker this conference lives on (for the server's load balancing). */
    public MediaWorker workerForLoad() { return worker; }
    MediaWorker worker() { return worker; }
    SfuContext context() { return context; }
    Endpoint endpoint(String endpointId) { return endpoints.get(endpointId); }

    /** Worker: frees the endpoint; {@code expiredReason} non-null when its transport died. */
    void removeEndpoint(Endpoint e, String expiredReason) {
        if (e.isClosed()) {
            return;
        }
        e.free();
        endpoints.remove(e.id(), e);
        if (expiredReason != null) {
            safely(() -> listener.onEndpointExpired(e.id(), expiredReason));
        }
    }

    Producer producer(String trackId) {
        return producersByTrack.get(trackId);
    }

    void addProducer(Producer p) {
        producersByTrack.put(p.trackId(), p);
    }

    void removeProducer(Producer p) {
        producersByTrack.remove(p.trackId(), p);
        if (p.retract()) {
            announceRemoved(p);
        }
    }

    void announceAdded(Producer p) {
        safely(() -> listener.onTrackAdded(p.track()));
    }

    void announceRemoved(Producer p) {
        safely(() -> listener.onTrackRemoved(p.track()));
    }

    private void safely(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "conference listener failed in " + id, ex);
        }
    }
}
