package org.roundtable.sfu.worker;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jctools.queues.MpscArrayQueue;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * The sending share of one media worker: SRTP-protects and sends packets for the endpoints bound
 * to it. Every packet of one endpoint goes through the same lane, so its SRTP send contexts stay
 * confined to the lane's worker and its packets leave in the order queued.
 *
 * <p>Why: the UDP send (about 5 µs) and SRTP (about 1.3 µs) are most of a forwarded packet's cost;
 * done only by the conference's worker they capped one conference at one core. Endpoints are now
 * bound to all workers' lanes in turn: the conference's worker decides and rewrites, sends inline
 * for the endpoints bound to its own lane (no queue, no wake-up) and queues the rest on the other
 * workers' lanes, which send them between their own work.
 *
 * <p>Overload sheds instead of queueing: a full lane drops (counted as {@code send-queue-full} on
 * the caller), and a packet that waited longer than {@link #MAX_WAIT_NANOS} is dropped as
 * {@code stale} rather than sent late. Offered from any thread; drained by its worker.
 */
public final class SendLane {
    private static final Logger LOG = Logger.getLogger(SendLane.class.getName());
    /** Longer than a keyframe burst to a hundred receivers takes to send; short next to a jitter buffer. */
    public static final long MAX_WAIT_NANOS = 50_000_000L;
    /** ~40 ms of packets at 100k packets/s; beyond that, late media is worth less than none. */
    static final int CAPACITY = 4096;

    private final MediaWorker worker;
    private final MpscArrayQueue<PacketBuffer> queue;

    SendLane(MediaWorker worker, int capacity) {
        this.worker = worker;
        this.queue = new MpscArrayQueue<>(capacity);
    }

    public int queued() { return queue.size(); }
    boolean isEmpty() { return queue.isEmpty(); }

    /**
     * Sends {@code packet} to {@code route}: at once when called on the lane's own worker,
     * otherwise queued for it. The lane owns the buffer from here (releases it whatever happens).
     * False when the packet was dropped (queue full or worker stopped; counted on {@code callerCounters}).
     */
    public boolean offer(PacketBuffer packet, SendRoute route, boolean rtcp, WorkerCounters callerCounters) {
        if (worker.inWorker()) {
            sendNow(packet, route, rtcp, worker);
            return true;
        }
        packet.sendRoute(route, rtcp, worker.nanos());
        if (worker.isStopping() || !queue.offer(packet)) {
            packet.release();
            callerCounters.drop(worker.isStopping() ? DropReason.CLOSED : DropReason.SEND_QUEUE_FULL);
            return false;
        }
        worker.wake();
        return true;
    }

    /** On the worker: sends (or drops as stale) everything queued; returns how many. */
    int drain() {
        int n = 0;
        PacketBuffer p;
        long staleBefore = worker.nanos() - MAX_WAIT_NANOS;
        while ((p = queue.poll()) != null) {
            n++;
            if (p.sendQueuedNanos() - staleBefore < 0) {
                worker.counters().drop(DropReason.STALE);
                p.release();
            } else {
                sendNow(p, (SendRoute) p.sendRoute(), p.sendsRtcp(), worker);
            }
            if ((n & 63) == 0) {
                staleBefore = worker.nanos() - MAX_WAIT_NANOS;
            }
        }
        return n;
    }

    /**
     * Protects and sends {@code p} on {@code worker}'s thread and counts it there; forwarded media's
     * time in the server is recorded when the worker flushes its held sends. Releases {@code p}.
     */
    private static boolean sendNow(PacketBuffer p, SendRoute route, boolean rtcp, MediaWorker worker) {
        WorkerCounters counters = worker.counters();
        int length = p.getLength();
        long received = p.receivedNanos();
        try {
            if (!route.protectAndSend(p)) {
                counters.drop(DropReason.SEND_FAILED);
                return false;
            }
            if (rtcp) {
                counters.countRtcpOut();
            } else {
                counters.packetOut(length);
                if (received != 0) {
                    worker.forwarded(received);
                }
            }
            return true;
        } catch (RuntimeException e) {
            // a transport closed under us (its SRTP context freed): drop this packet, keep the worker
            counters.drop(DropReason.SEND_FAILED);
            LOG.log(Level.FINE, "send failed", e);
            return false;
        } finally {
            p.release();
        }
    }

    /** Frees what is queued (the worker stopped). */
    void clear() {
        PacketBuffer p;
        while ((p = queue.poll()) != null) {
            p.release();
        }
    }
}
