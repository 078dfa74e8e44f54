package org.roundtable.sfu.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.roundtable.sfu.api.DelayDistribution;

/**
 * How long forwarded packets spent inside the SFU (from the receive thread's copy to the return of
 * the system call that sent them, a held batch's flush included), in fixed buckets from 50 µs to 100 ms. Written by one media worker (no contention:
 * release stores, no read-modify-write across threads); read by the metrics thread.
 */
public final class DelayHistogram {
    /** Upper bounds in nanoseconds; one more bucket above the last for everything slower. */
    static final long[] BOUNDS_NANOS = {
        50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000,
        10_000_000, 25_000_000, 50_000_000, 100_000_000,
    };

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_NANOS.length + 1);
    private final AtomicLong sumNanos = new AtomicLong();

    /** Worker thread only. Negative delays (a clock step) count as zero. */
    public void record(long nanos) {
        long d = Math.max(0, nanos);
        int i = 0;
        while (i < BOUNDS_NANOS.length && d > BOUNDS_NANOS[i]) {
            i++;
        }
        // single writer: release stores (no fence per packet, unlike a volatile write or an increment)
        counts.lazySet(i, counts.get(i) + 1);
        sumNanos.lazySet(sumNanos.get() + d);
    }

    /** Adds this histogram's counts to {@code into} (one slot per bucket) and returns its sum in nanoseconds. */
    public long addTo(long[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts.get(i);
        }
        return sumNanos.get();
    }

    public static int buckets() {
        return BOUNDS_NANOS.length + 1;
    }

    /** The distribution of {@code counts} (as filled by {@link #addTo}) with {@code sumNanos}. */
    public static DelayDistribution distribution(long[] counts, long sumNanos) {
        double[] bounds = new double[BOUNDS_NANOS.length + 1];
        for (int i = 0; i < BOUNDS_NANOS.length; i++) {
            bounds[i] = BOUNDS_NANOS[i] / 1e9;
        }
        bounds[BOUNDS_NANOS.length] = Double.POSITIVE_INFINITY;
        return new DelayDistribution(bounds, counts, sumNanos / 1e9);
    }
}
