package org.roundtable.sfu.worker;

/**
 * Sends a worker hands to the socket layer but that leave together, at the end of each burst of
 * work, in one system call (see {@code PairSender}). The worker asks for it once on its thread and
 * flushes after each burst and before it parks. Implementations are per calling thread.
 */
public interface HeldSends {
    /** Nothing held: every send leaves at once (tests, benchmarks, ice4j-only transports). */
    HeldSends NONE = new HeldSends() {
        @Override public void holdOnThisThread() { }
        @Override public int flush() { return 0; }
    };

    /** From now on the calling thread's sends wait for its {@link #flush()}. */
    void holdOnThisThread();

    /** Sends what the calling thread holds; returns how many the kernel refused (dropped). */
    int flush();
}
