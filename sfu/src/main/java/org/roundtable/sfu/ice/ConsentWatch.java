package org.roundtable.sfu.ice;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The process's one timer thread for {@link ConsentDeadline}s: a session with a confirmed consent
 * costs one wake-up per expiry (30 s). Thread-safe.
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

    private ConsentWatch() {
    }

    /** Runs {@code check} on the watch's thread in {@code nanos}. */
    static ScheduledFuture<?> after(long nanos, Runnable check) {
        return TIMER.schedule(check, nanos, TimeUnit.NANOSECONDS);
    }
}
