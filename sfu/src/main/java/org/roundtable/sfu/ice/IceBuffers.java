package org.roundtable.sfu.ice;

import java.nio.ByteBuffer;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferPool;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Recycles ice4j's receive buffers (ice4j allocates a new array per datagram by default).
 * Whoever receives a {@link Buffer} through the push API gives it back with {@link #release}.
 * Thread-safe (lock-free queue).
 */
public final class IceBuffers {
    private static final int SIZE = 1500;
    private static final MpmcArrayQueue<Buffer> FREE = new MpmcArrayQueue<>(8192);

    private IceBuffers() {
    }

    static void install() {
        BufferPool.getBuffer = IceBuffers::take;
        BufferPool.returnBuffer = b -> {
            release(b);
            return kotlin.Unit.INSTANCE;
        };
    }

    private static Buffer take(int size) {
        if (size <= SIZE) {
            Buffer b = FREE.poll();
            if (b != null) {
                b.setOffset(0);
                b.setLength(size);
                return b;
            }
        }
        return new Buffer(new byte[Math.max(size, SIZE)], 0, size);
    }

    /** A buffer for ice4j holding {@code bytes}' remaining content (consumed), for a reader of ours that hands it over. */
    public static Buffer copyOf(ByteBuffer bytes) {
        int length = bytes.remaining();
        Buffer b = take(length);
        bytes.get(b.getBuffer(), 0, length);
        b.setOffset(0);
        b.setLength(length);
        return b;
    }

    /** Returns a buffer received from ice4j. */
    public static void release(Buffer b) {
        if (b.getBuffer().length == SIZE) {
            b.setRemoteAddress(null);
            b.setLocalAddress(null);
            b.setReceivedTime(null);
            FREE.offer(b);
        }
    }
}
