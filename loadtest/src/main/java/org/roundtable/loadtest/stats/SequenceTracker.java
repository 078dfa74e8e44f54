package org.roundtable.loadtest.stats;

/**
 * Counts received, lost, duplicated and out-of-order packets of one stream from extended
 * (never wrapping) sequence numbers, as RFC 3550 A.3 does: expected is the span from the
 * first number seen to the highest, so a receiver that joins mid-stream is not charged for
 * what was sent before it joined. Duplicates are told apart from late arrivals inside a
 * window of {@link #WINDOW} numbers. Confined to the thread that feeds it.
 */
public final class SequenceTracker {
    public static final int WINDOW = 4096;
    private static final int MASK = WINDOW - 1;

    private final boolean[] seen = new boolean[WINDOW];
    private boolean started;
    private boolean rebasePending;
    private long base;
    private long highest;
    private long expectedBeforeRebase;
    private long received;
    private long duplicates;
    private long outOfOrder;
    private long tooLate;

    /** Records one arrival; returns false when it was a duplicate. */
    public boolean onPacket(long extendedSeq) {
        if (!started || rebasePending) {
            if (started) {
                expectedBeforeRebase += highest - base + 1;
                java.util.Arrays.fill(seen, false);
            }
            started = true;
            rebasePending = false;
            base = extendedSeq;
            highest = extendedSeq;
            seen[(int) (extendedSeq & MASK)] = true;
            received++;
            return true;
        }
        if (extendedSeq > highest) {
            long advance = extendedSeq - highest;
            if (advance >= WINDOW) {
                java.util.Arrays.fill(seen, false);
            } else {
                for (long s = highest + 1; s < extendedSeq; s++) {
                    seen[(int) (s & MASK)] = false;
                }
            }
            highest = extendedSeq;
            seen[(int) (extendedSeq & MASK)] = true;
            received++;
            return true;
        }
        if (highest - extendedSeq >= WINDOW) {
            // Too old to tell a duplicate from a straggler: count it as a late, out-of-order arrival.
            tooLate++;
            outOfOrder++;
            received++;
            return true;
        }
        int slot = (int) (extendedSeq & MASK);
        if (seen[slot] || extendedSeq == highest) {
            duplicates++;
            return false;
        }
        seen[slot] = true;
        outOfOrder++;
        if (extendedSeq < base) {
            // Arrived after a later packet that opened the stream: widen the expected span.
            base = extendedSeq;
        }
        received++;
        return true;
    }

    /**
     * Starts a new span at the next packet, keeping the totals: used when a simulcast layer
     * resumes after another layer was forwarded in between, so the pause is not counted as loss.
     */
    public void rebase() {
        if (started) {
            rebasePending = true;
        }
    }

    public boolean started() { return started; }
    public long highest() { return highest; }
    public long base() { return base; }

    /** Packets the sender numbered inside the spans seen so far. */
    public long expected() {
        if (!started) {
            return 0;
        }
        return expectedBeforeRebase + (highest - base + 1);
    }

    /** Unique packets received (duplicates excluded). */
    public long received() { return received; }

    /** Expected minus received, never negative. */
    public long lost() { return Math.max(0, expected() - received); }

    public long duplicates() { return duplicates; }
    public long outOfOrder() { return outOfOrder; }
    /** Arrivals older than the duplicate window (also counted in {@link #outOfOrder()}). */
    public long tooLate() { return tooLate; }
}
