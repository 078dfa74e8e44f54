package org.roundtable.sfu.worker;

import java.util.PriorityQueue;

/** Due-time ordered {@link PeriodicTask}s of one worker. Confined to that worker's thread. */
public final class TimerQueue {
    static final long RETRY_AFTER_FAILURE_NANOS = 100_000_000L;
    private final PriorityQueue<PeriodicTask> queue =
            new PriorityQueue<>(64, (a, b) -> Long.compare(a.dueNanos - b.dueNanos, 0));

    /** Schedules {@code task} to first run at {@code dueNanos} (the clock of the worker). */
    public void schedule(PeriodicTask task, long dueNanos) {
        if (task.scheduled) {
            queue.remove(task);
        }
        task.cancelled = false;
        task.dueNanos = dueNanos;
        task.scheduled = true;
        queue.add(task);
    }

    /** Runs every task due at {@code nowNanos}; returns how many ran. */
    public int runDue(long nowNanos) {
        int ran = 0;
        PeriodicTask head;
        while ((head = queue.peek()) != null && head.dueNanos - nowNanos <= 0) {
            queue.poll();
            head.scheduled = false;
            if (head.cancelled) {
                continue;
            }
            long next;
            try {
                next = head.run(nowNanos);
            } catch (RuntimeException e) {
                // one broken duty must not stop the worker's others: log it and try again later
                MediaWorker.LOG.log(java.util.logging.Level.WARNING, "timer task failed", e);
                next = nowNanos + RETRY_AFTER_FAILURE_NANOS;
            }
            ran++;
            if (next != -1 && !head.cancelled) {
                // a task that asks for a time in the past still waits one tick, so it cannot spin
                head.dueNanos = next - nowNanos <= 0 ? nowNanos + 1 : next;
                head.scheduled = true;
                queue.add(head);
            }
        }
        return ran;
    }

    /** Nanoseconds from {@code nowNanos} until the next task is due; {@code Long.MAX_VALUE} when none. */
    public long nanosUntilNext(long nowNanos) {
        PeriodicTask head;
        while ((head = queue.peek()) != null && head.cancelled) {
            queue.poll();
            head.scheduled = false;
        }
        return head == null ? Long.MAX_VALUE : Math.max(0, head.dueNanos - nowNanos);
    }

    public int size() {
        return queue.size();
    }

    public void clear() {
        for (PeriodicTask t : queue) {
            t.scheduled = false;
        }
        queue.clear();
    }
}
