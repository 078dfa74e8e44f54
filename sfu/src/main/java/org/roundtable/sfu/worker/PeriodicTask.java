package org.roundtable.sfu.worker;

/**
 * Timed work on a media worker (RTCP reports, transport-cc feedback, NACK checks). Reused: one
 * object per recurring duty, so scheduling allocates nothing. Confined to its worker thread.
 */
public abstract class PeriodicTask {
    long dueNanos;
    boolean scheduled;
    boolean cancelled;

    /**
     * Does the work due at {@code nowNanos}.
     *
     * @return the absolute time of the next run, or {@code -1} to stop
     */
    protected abstract long run(long nowNanos);

    /** Stops future runs; safe to call from the task itself. */
    public final void cancel() {
        cancelled = true;
    }

    public final boolean isCancelled() {
        return cancelled;
    }
}
