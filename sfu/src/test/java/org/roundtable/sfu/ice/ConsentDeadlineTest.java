package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The consent deadline on an injected clock and a hand-run timer. */
class ConsentDeadlineTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private long now = 1000 * SECOND;
    private int lost;

    /** Checks scheduled and not yet run, with their delays. */
    private final List<Long> delays = new ArrayList<>();
    private final List<Runnable> checks = new ArrayList<>();
    private final List<CompletableFuture<Void>> futures = new ArrayList<>();

    private final ConsentDeadline.Timer timer = (nanos, check) -> {
        delays.add(nanos);
        checks.add(check);
        CompletableFuture<Void> f = new CompletableFuture<>();
        futures.add(f);
        return f;
    };

    private final ConsentMonitor consent = new ConsentMonitor(new ConsentPolicy(Duration.ofSeconds(30)), () -> now);
    private final ConsentDeadline deadline = new ConsentDeadline(consent, timer, () -> lost++);

    /** Advances the clock by the last check's delay and runs it, as the timer thread would. */
    private void runPendingCheck() {
        int last = checks.size() - 1;
        now += delays.get(last);
        if (!futures.get(last).isCancelled()) {
            checks.get(last).run();
        }
    }

    @Test
    void consentThatIsNeverConfirmedAgainIsLostAtTheExpiry() {
        deadline.start();
        deadline.start(); // once only
        assertEquals(List.of(30 * SECOND), delays);
        runPendingCheck();
        assertEquals(1, lost);
        assertEquals(1, checks.size(), "nothing re-armed after the loss");
    }

    @Test
    void confirmationsMoveTheDeadline() {
        deadline.start();
        now += 20 * SECOND;
        consent.confirmed(); // at 1020 s: consent now lasts to 1050 s
        now -= 20 * SECOND;
        runPendingCheck(); // the check set for 1030 s finds 20 s left
        assertEquals(0, lost);
        assertEquals(20 * SECOND, delays.get(1));
        runPendingCheck();
        assertEquals(1, lost);
        assertEquals(2, checks.size());
    }

    @Test
    void aTimedOutCheckDecidesAtOnceAndTheLossIsReportedOnce() {
        deadline.start();
        now += 10 * SECOND;
        assertFalse(deadline.lostNow()); // one timed-out check while consent lasts: tolerated
        now += 20 * SECOND;
        assertTrue(deadline.lostNow());
        assertEquals(1, lost);
        assertTrue(deadline.lostNow()); // a later timeout, and the check still pending, change nothing
        checks.get(0).run();
        assertEquals(1, lost);
    }

    @Test
    void aStoppedDeadlineCancelsItsCheckAndNeverReportsALoss() {
        deadline.start();
        deadline.stop();
        assertTrue(futures.get(0).isCancelled());
        checks.get(0).run(); // a check already running when stop() came
        assertEquals(0, lost);
        assertEquals(1, checks.size());
    }

    @Test
    void aClockThatBarelyMovesDoesNotMakeTheTimerSpin() {
        deadline.start();
        now += 30 * SECOND - 1; // 1 ns left
        checks.get(0).run();
        assertEquals(ConsentDeadline.MIN_DELAY_NANOS, delays.get(1));
    }

    @Test
    void aFailingCloseIsLoggedAndTheDeadlineStaysSpent() {
        int[] calls = {0};
        ConsentDeadline failing = new ConsentDeadline(consent, timer, () -> {
            calls[0]++;
            throw new IllegalStateException("closer gone");
        });
        failing.start();
        runPendingCheck();
        assertEquals(1, calls[0]);
        assertEquals(1, checks.size());
    }
}
