package org.roundtable.sfu.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    private static final class Every extends PeriodicTask {
        final long period;
        final List<Long> runs = new ArrayList<>();
        Every(long period) { this.period = period; }
        @Override protected long run(long now) { runs.add(now); return now + period; }
    }

    @Test
    void runsPeriodicTasksInDueOrderWithAnInjectedClock() {
        TimerQueue q = new TimerQueue();
        Every rtcp = new Every(1000);
        Every feedback = new Every(100);
        q.schedule(rtcp, 1000);
        q.schedule(feedback, 100);
        for (long now = 0; now <= 2000; now += 50) {
            q.runDue(now);
        }
        assertEquals(List.of(1000L, 2000L), rtcp.runs);
        assertEquals(20, feedback.runs.size());
        assertEquals(100 - 0, q.nanosUntilNext(2000));
    }

    @Test
    void cancelledTasksStopAndReturningMinusOneEndsATask() {
        TimerQueue q = new TimerQueue();
        Every a = new Every(10);
        PeriodicTask once = new PeriodicTask() {
            int n;
            @Override protected long run(long now) { n++; return -1; }
        };
        q.schedule(a, 10);
        q.schedule(once, 5);
        q.runDue(10);
        a.cancel();
        q.runDue(100);
        assertEquals(1, a.runs.size());
        assertEquals(Long.MAX_VALUE, q.nanosUntilNext(100));
    }

    private static final class Broken extends PeriodicTask {
        final List<Long> runs = new ArrayList<>();
        @Override protected long run(long now) { runs.add(now); throw new IllegalStateException("boom"); }
    }

    @Test
    void aFailingTaskIsRetriedLaterAndDoesNotStopTheOthers() {
        TimerQueue q = new TimerQueue();
        Every healthy = new Every(1000);
        Broken broken = new Broken();
        q.schedule(broken, 5);
        q.schedule(healthy, 10);
        q.runDue(10);
        assertEquals(List.of(10L), healthy.runs);
        assertEquals(List.of(10L), broken.runs);
        q.runDue(10 + TimerQueue.RETRY_AFTER_FAILURE_NANOS);
        assertEquals(List.of(10L, 10 + TimerQueue.RETRY_AFTER_FAILURE_NANOS), broken.runs);
    }
}
