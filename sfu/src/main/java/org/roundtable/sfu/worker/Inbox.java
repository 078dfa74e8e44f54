package org.roundtable.sfu.worker;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MpscArrayQueue;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * Packets received for one transport, handed from the network thread to the transport's media
 * worker. Offer is lock-free and allocation-free; when the inbox goes from idle to pending it
 * puts itself once on the worker's ready list (so the worker needs no per-packet envelope).
 * Offered from any thread; drained only on the owning worker.
 */
public final class Inbox {
    /**
     * A packet that waited longer than this for its worker is dropped, not forwarded: a receiver's
     * jitter buffer has given up on it, and forwarding it would only delay the packets behind it.
     * Under overload this turns queueing into (counted) loss instead of seconds of latency.
     */
    static final long MAX_WAIT_NANOS = 100_000_000L;

    /** Handles one packet on the worker; it then owns the buffer (must release it). */
    public interface Handler {
        void onPacket(PacketBuffer packet);
    }

    private final MpscArrayQueue<PacketBuffer> packets;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final MediaWorker worker;
    private final Handler handler;
    private volatile boolean closed;

    Inbox(MediaWorker worker, int capacity, Handler handler) {
        this.worker = worker;
        this.handler = handler;
        this.packets = new MpscArrayQueue<>(capacity);
    }

    /** Called by the receive thread; never blocks. False (and the buffer released) when full or closed. */
    public boolean offer(PacketBuffer packet) {
        if (closed || !packets.offer(packet)) {
            packet.release();
            worker.counters().drop(closed ? DropReason.CLOSED : DropReason.QUEUE_FULL);
            return false;
        }
        if (pending.compareAndSet(false, true)) {
            worker.ready(this);
        }
        return true;
    }

    /** On the worker: handles at most {@code budget} packets, returns how many. */
    int drain(int budget) {
        pending.set(false);
        int n = 0;
        PacketBuffer p;
        long staleBefore = worker.nanos() - MAX_WAIT_NANOS;
        while (n < budget && (p = packets.poll()) != null) {
            n++;
            if (closed) {
                p.release();
                continue;
            }
            long received = p.receivedNanos();
            if (received != 0 && received - staleBefore < 0) {
                p.release();
                worker.counters().drop(DropReason.STALE);
                continue;
            }
            try {
                handler.onPacket(p);
            } catch (RuntimeException e) {
                worker.counters().drop(DropReason.MALFORMED);
                MediaWorker.LOG.log(java.util.logging.Level.WARNING, "packet handler failed", e);
            }
        }
        if (!packets.isEmpty() && pending.compareAndSet(false, true)) {
            worker.ready(this); // more came in (or budget hit): stay on the ready list
        }
        return n;
    }

    /** Stops accepting packets and frees the queued ones. Worker thread. */
    public void close() {
        closed = true;
        PacketBuffer p;
        while ((p = packets.poll()) != null) {
            p.release();
        }
    }
}
