package org.roundtable.sfu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.conference.Conference;
import org.roundtable.sfu.conference.IceLegTransport;
import org.roundtable.sfu.conference.SfuContext;
import org.roundtable.sfu.stats.NtpTime;
import org.roundtable.sfu.transport.MediaPort;
import org.roundtable.sfu.transport.MediaPortReader;
import org.roundtable.sfu.worker.MediaWorker;
import org.roundtable.sfu.worker.SendLanes;

/**
 * The media server: one shared UDP port, a pool of media workers (each conference lives on
 * one, and each endpoint sends through one's lane), and the conferences. Thread-safe; control calls are handed to the owning worker.
 */
public final class SfuServer implements MediaServer {
    private static final Logger LOG = Logger.getLogger(SfuServer.class.getName());
    /** Enough for the inboxes and the send lanes' queues in flight at once under load. */
    private static final int POOLED_BUFFERS = 16384;

    private final MediaPort port;
    private final List<MediaWorker> workers;
    private final ExecutorService control;
    private final SfuContext context;
    private final Map<String, Conference> conferences = new HashMap<>();
    private final Map<MediaWorker, Integer> load = new HashMap<>();
    private final SfuCounters counters;
    private volatile boolean closed;

    private SfuServer(MediaPort port, List<MediaWorker> workers, ExecutorService control, SfuContext context) {
        this.port = port;
        this.workers = workers;
        this.control = control;
        this.context = context;
        for (MediaWorker w : workers) {
            load.put(w, 0);
        }
        this.counters = new SfuCounters(workers, port.counters(), this::endpointCount);
    }

    /** Opens the media port (slow: ICE harvester, certificate, SRTP warm-up) and starts the workers. */
    public static SfuServer start(SfuConfig config) {
        LongSupplier clock = System::nanoTime;
        int n = Math.max(1, config.mediaWorkers());
        MediaPort port = MediaPort.open(config, clock);
        List<MediaWorker> workers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MediaWorker w = new MediaWorker("sfu-media-" + i, clock, port.heldSends());
            if (i == 0) {
                // the first conference lands here too (least loaded, first in order): its packets wake one thread
                MediaPortReader reader = port.openReader();
                if (reader != null) {
                    try {
                        w.readsFrom(reader);
                    } catch (RuntimeException e) {
                        reader.close(); // ice4j's thread receives again
                        LOG.log(Level.WARNING, "media port: no worker reads it, ice4j's thread does", e);
                    }
                }
            }
            workers.add(w.start());
        }
        AtomicInteger controlThreads = new AtomicInteger();
        ExecutorService control = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sfu-control-" + controlThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BufferPool pool = new BufferPool(POOLED_BUFFERS);
        SfuContext context = new SfuContext(pool, IceLegTransport.factory(port, pool), NtpTime.calibrate(clock), control,
                SendLanes.of(workers));
        return new SfuServer(port, List.copyOf(workers), control, context);
    }

    /** The shared UDP port every endpoint uses. */
    public int port() {
        return port.port();
    }

    /** The address written into our ICE candidates. */
    public String advertisedAddress() {
        return port.advertisedAddress();
    }

    @Override
    public synchronized ConferenceHandle conference(String conferenceId, ConferenceListener listener) {
        if (closed) {
            throw new MediaException("closed", "media server is closed");
        }
        Conference c = conferences.get(conferenceId);
        if (c != null && !c.isClosed()) {
            return c;
        }
        MediaWorker worker = leastLoaded();
        load.merge(worker, 1, Integer::sum);
        Conference created = new Conference(conferenceId, worker, listener, context, this::forget);
        conferences.put(conferenceId, created);
        return created;
    }

    private MediaWorker leastLoaded() {
        MediaWorker best = workers.get(0);
        for (MediaWorker w : workers) {
            if (load.get(w) < load.get(best)) {
                best = w;
            }
        }
        return best;
    }

    private synchronized void forget(Conference c) {
        if (conferences.remove(c.id(), c)) {
            load.merge(c.workerForLoad(), -1, Integer::sum);
        }
    }

    @Override
    public synchronized int conferenceCount() {
        return conferences.size();
    }

    private synchronized int endpointCount() {
        int n = 0;
        for (Conference c : conferences.values()) {
            n += c.endpointCount();
        }
        return n;
    }

    @Override
    public SfuCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        List<Conference> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(conferences.values());
        }
        for (Conference c : all) {
            c.close();
        }
        for (MediaWorker w : workers) {
            w.close(); // runs the queued close tasks, then stops
        }
        port.close();
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            conferences.clear();
        }
    }
}
