package org.roundtable.sfu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.roundtable.sfu.api.DelayDistribution;
import org.roundtable.sfu.api.MediaCounters;
import org.roundtable.sfu.stats.DelayHistogram;
import org.roundtable.sfu.transport.TransportCounters;
import org.roundtable.sfu.worker.DropReason;
import org.roundtable.sfu.worker.MediaWorker;
import org.roundtable.sfu.worker.WorkerCounters;

/**
 * The media path's counters: the workers' (summed on read) and the transport stack's. Read from
 * any thread; values may be a few packets old.
 */
public final class SfuCounters implements MediaCounters {
    private final List<MediaWorker> workers;
    private final TransportCounters transport;
    private final IntSupplier endpoints;

    SfuCounters(List<MediaWorker> workers, TransportCounters transport, IntSupplier endpoints) {
        this.workers = workers;
        this.transport = transport;
        this.endpoints = endpoints;
    }

    private long sum(java.util.function.ToLongFunction<WorkerCounters> f) {
        long s = 0;
        for (MediaWorker w : workers) {
            s += f.applyAsLong(w.counters());
        }
        return s;
    }

    @Override public long packetsIn() { return sum(WorkerCounters::packetsIn); }
    @Override public long bytesIn() { return sum(WorkerCounters::bytesIn); }
    @Override public long packetsOut() { return sum(WorkerCounters::packetsOut); }
    @Override public long bytesOut() { return sum(WorkerCounters::bytesOut); }
    public long rtcpIn() { return sum(WorkerCounters::rtcpIn); }
    public long rtcpOut() { return sum(WorkerCounters::rtcpOut); }
    public long nacksReceived() { return sum(WorkerCounters::nacksReceived); }
    public long nacksSent() { return sum(WorkerCounters::nacksSent); }
    public long retransmissionsSent() { return sum(WorkerCounters::retransmissionsSent); }
    public long plisSent() { return sum(WorkerCounters::plisSent); }
    public long transportCcFeedbackSent() { return sum(WorkerCounters::transportCcFeedbackSent); }
    public long transportCcFeedbackReceived() { return sum(WorkerCounters::transportCcFeedbackReceived); }
    public long rembReceived() { return sum(WorkerCounters::rembReceived); }

    @Override
    public DelayDistribution forwardingDelay() {
        long[] counts = new long[DelayHistogram.buckets()];
        long sumNanos = 0;
        for (MediaWorker w : workers) {
            sumNanos += w.counters().forwardingDelay().addTo(counts);
        }
        return DelayHistogram.distribution(counts, sumNanos);
    }

    public long dropped(DropReason reason) {
        return sum(c -> c.dropped(reason));
    }

    @Override
    public Map<String, Long> droppedByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DropReason r : DropReason.values()) {
            long n = dropped(r);
            if (n > 0) {
                m.put(r.label(), n);
            }
        }
        putIfPositive(m, "srtp-auth", transport.srtpAuthFailures());
        putIfPositive(m, "srtp-replay", transport.srtpReplayFailures());
        putIfPositive(m, "transport-unknown", transport.droppedUnknown());
        putIfPositive(m, "before-keys", transport.droppedBeforeKeys());
        putIfPositive(m, "transport-not-connected", transport.droppedNotConnected());
        putIfPositive(m, "transport-send-failed", transport.sendFailures());
        return m;
    }

    private static void putIfPositive(Map<String, Long> m, String key, long v) {
        if (v > 0) {
            m.put(key, v);
        }
    }

    @Override public long srtpFailures() { return transport.srtpFailures(); }
    @Override public long dtlsHandshakeFailures() { return transport.dtlsHandshakeFailures(); }
    @Override public long dtlsHandshakes() { return transport.dtlsHandshakes(); }
    @Override public int endpoints() { return endpoints.getAsInt(); }
}
