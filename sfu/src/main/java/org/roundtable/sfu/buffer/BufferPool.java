package org.roundtable.sfu.buffer;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpmcArrayQueue;

/**
 * A pool of {@link PacketBuffer}s, shared by the receive threads (which take) and the media
 * workers (which give back). Lock-free and allocation-free once warm; allocates only when
 * empty, and counts it.
 */
public final class BufferPool {
    private final MpmcArrayQueue<PacketBuffer> free;
    private final AtomicLong allocations = new AtomicLong();

    public BufferPool(int maxPooled) {
        this.free = new MpmcArrayQueue<>(maxPooled);
    }

    public PacketBuffer take() {
        PacketBuffer b = free.poll();
        if (b == null) {
            b = new PacketBuffer();
            b.pool(this);
            allocations.incrementAndGet();
        }
        b.reset();
        return b;
    }

    void give(PacketBuffer b) {
        if (b.getBuffer().length == PacketBuffer.CAPACITY) {
            free.offer(b); // dropped for the GC when the pool is full
        }
    }

    /** Buffers ever allocated by this pool: flat once warm. */
    public long allocations() {
        return allocations.get();
    }
}
