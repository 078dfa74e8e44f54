package org.roundtable.loadtest.participant;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpscArrayQueue;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * Hands received datagrams from the transport's receive thread (ice4j, DTLS) to the media worker
 * that owns the connection; when full, drops and counts (never blocks the receive thread).
 * Thread-safe: many producers, one consumer.
 */
final class Inbox {
    private final MpscArrayQueue<PacketBuffer> queue;
    private final AtomicLong dropped = new AtomicLong();

    Inbox(int capacity) {
        this.queue = new MpscArrayQueue<>(capacity);
    }

    void offer(PacketBuffer p) {
        if (p.receivedNanos() == 0) {
            p.receivedNanos(System.nanoTime());
        }
        if (!queue.offer(p)) {
            dropped.incrementAndGet();
            p.release();
        }
    }

    PacketBuffer poll() {
        return queue.poll();
    }

    long dropped() {
        return dropped.get();
    }

    void clear() {
        for (PacketBuffer p = queue.poll(); p != null; p = queue.poll()) {
            p.release();
        }
    }
}
