package org.roundtable.sfu.ice;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The process's one timer for {@link IceSession}'s consent deadline: each session has at most one
 * check pending, due when its consent would expire, so a session costs one wake-up per expiry
 * (30 s) while its consent keeps being confirmed. Thread-safe.
 */
final class ConsentWatch {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ice-consent-watch");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true); // a freed session's pending check goes at once, not 30 s later
    }

    /** Never sooner than this: an injected clock that barely moves must not make the timer spin. */
    private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private ConsentWatch() {
    }

    /** Runs {@code check} on the watch's thread in {@code nanos}, or 50 ms if that is sooner. */
    static ScheduledFuture<?> after(long nanos, Runnable check) {
        return TIMER.schedule(check, Math.max(MIN_DELAY_NANOS, nanos), TimeUnit.NANOSECONDS);
    }
}
