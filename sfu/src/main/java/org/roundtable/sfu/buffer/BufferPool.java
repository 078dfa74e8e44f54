package org.roundtable.sfu.buffer;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpmcArrayQueue;
import org.roundtable.sfu.thread.MediaThreadLocal;

/**
 * A pool of {@link PacketBuffer}s, shared by the receive threads (which take) and the media
 * workers (which give back, and take for every forwarded copy). Lock-free and allocation-free
 * once warm; allocates only when empty, and counts it. Each thread first uses a small stack of
 * its own: a media worker takes and gives a buffer per forwarded packet, and doing that through
 * the shared queue cost a CAS and a cache line bouncing with the receive thread every time.
 */
public final class BufferPool {
    /** Buffers a thread keeps for itself before giving back to the shared queue. */
    static final int LOCAL_CACHE = 256;

    private final MpmcArrayQueue<PacketBuffer> free;
    private final AtomicLong allocations = new AtomicLong();
    private final MediaThreadLocal<LocalStack> local = new MediaThreadLocal<>(LocalStack::new);

    /** One thread's buffers. Confined to that thread. */
    private static final class LocalStack {
        final PacketBuffer[] items = new PacketBuffer[LOCAL_CACHE];
        int size;
    }

    public BufferPool(int maxPooled) {
        this.free = new MpmcArrayQueue<>(maxPooled);
    }

    public PacketBuffer take() {
        LocalStack stack = local.get();
        PacketBuffer b;
        if (stack.size > 0) {
            b = stack.items[--stack.size];
            stack.items[stack.size] = null;
        } else {
            b = free.poll();
        }
        if (b == null) {
            b = new PacketBuffer();
            b.pool(this);
            allocations.incrementAndGet();
        }
        b.reset();
        return b;
    }

    void give(PacketBuffer b) {
        if (b.getBuffer().length != PacketBuffer.CAPACITY) {
            return; // grown past the standard size: left to the GC
        }
        LocalStack stack = local.get();
        if (stack.size < LOCAL_CACHE) {
            stack.items[stack.size++] = b;
        } else {
            free.offer(b); // dropped for the GC when the pool is full
        }
    }

    /** Buffers ever allocated by this pool: flat once warm. */
    public long allocations() {
        return allocations.get();
    }
}
