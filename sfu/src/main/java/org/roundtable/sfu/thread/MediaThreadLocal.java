package org.roundtable.sfu.thread;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A value per thread: on a {@link MediaThread} an array slot, on any other thread a
 * {@link ThreadLocal}. Each instance takes a slot number for the life of the JVM, so create one
 * per long-lived owner (a buffer pool, a media port), not per packet or connection. Thread-safe.
 */
public final class MediaThreadLocal<T> {
    private static final AtomicInteger NEXT_INDEX = new AtomicInteger();

    private final int index = NEXT_INDEX.getAndIncrement();
    private final Supplier<? extends T> initial;
    private final ThreadLocal<T> others;

    public MediaThreadLocal(Supplier<? extends T> initial) {
        this.initial = initial;
        this.others = ThreadLocal.withInitial(initial);
    }

    /** The calling thread's value, created on its first call. */
    @SuppressWarnings("unchecked")
    public T get() {
        if (Thread.currentThread() instanceof MediaThread media) {
            Object value = media.local(index);
            if (value == null) {
                value = initial.get();
                media.local(index, value);
            }
            return (T) value;
        }
        return others.get();
    }
}
