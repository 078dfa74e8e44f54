package org.roundtable.sfu.ice;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Declares consent lost once it has gone unconfirmed for the whole expiry, whatever ice4j says.
 *
 * <p>Why: ice4j sends consent checks only after its agent COMPLETED, which a controlled agent does
 * when the peer's nomination arrives. A peer that vanished after its pair was validated but before
 * that (its DTLS handshake may be done by then) sent no more checks, ice4j timed none out, and the
 * session stayed open forever. One check is pending at a time, due when consent would expire, and
 * re-armed for the new deadline while confirmations come.
 *
 * <p>Thread-safe: started and stopped on any thread, checks run on the timer's.
 */
final class ConsentDeadline {
    private static final Logger LOG = Logger.getLogger(ConsentDeadline.class.getName());
    /** Never sooner than this: an injected clock that barely moves must not make the timer spin. */
    static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Runs a check after a delay; the returned future cancels it. */
    interface Timer {
        Future<?> after(long nanos, Runnable check);
    }

    private final ConsentMonitor consent;
    private final Timer timer;
    private final Runnable onLost;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile Future<?> pending;

    /** @param onLost called once, on the timer's thread or {@link #lostNow}'s caller, when consent is lost */
    ConsentDeadline(ConsentMonitor consent, Timer timer, Runnable onLost) {
        this.consent = consent;
        this.timer = timer;
        this.onLost = onLost;
    }

    /** Arms the first check, due when consent would expire; later calls do nothing. */
    void start() {
        if (started.compareAndSet(false, true)) {
            arm(consent.nanosLeft());
        }
    }

    /** No more checks, and no {@code onLost} from now on (the session was freed). */
    void stop() {
        stopped = true;
        Future<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
    }

    /**
     * Decides at once (one of ice4j's consent checks timed out, which alone is no proof): true when
     * consent is lost, {@code onLost} then having run, false while it still lasts.
     */
    boolean lostNow() {
        if (!consent.expired()) {
            return false;
        }
        expire();
        return true;
    }

    private void check() {
        if (stopped) {
            return;
        }
        long left = consent.nanosLeft();
        if (left > 0) {
            arm(left);
            return;
        }
        expire();
    }

    private void expire() {
        stopped = true;
        if (!lost.compareAndSet(false, true)) {
            return;
        }
        try {
            onLost.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing a session whose consent expired failed", e);
        }
    }

    private void arm(long nanos) {
        Future<?> next = timer.after(Math.max(MIN_DELAY_NANOS, nanos), this::check);
        pending = next;
        if (stopped) { // stopped meanwhile: stop() may have cancelled the previous check only
            next.cancel(false);
        }
    }
}
