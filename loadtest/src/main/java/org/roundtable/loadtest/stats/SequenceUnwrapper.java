package org.roundtable.loadtest.stats;

/**
 * Extends 16-bit RTP sequence numbers into a never-wrapping counter (RFC 3550 A.1 cycles),
 * treating a jump of more than half the space backwards as reordering, not a new cycle.
 * Confined to the thread that feeds it.
 */
public final class SequenceUnwrapper {
    private boolean started;
    private long lastExtended;

    public long unwrap(int seq16) {
        if (!started) {
            started = true;
            lastExtended = (1L << 16) + seq16; // one cycle of head room so early stragglers stay positive
            return lastExtended;
        }
        int lastLow = (int) (lastExtended & 0xFFFF);
        int delta = (seq16 - lastLow) & 0xFFFF;
        long extended;
        if (delta < 0x8000) {
            extended = lastExtended + delta;
        } else {
            extended = lastExtended - (0x10000 - delta);
        }
        if (extended > lastExtended) {
            lastExtended = extended;
        }
        return extended;
    }

    /** Cycles counted so far in the RFC 3550 sense (the head-room cycle excluded). */
    public long cycles() {
        return started ? (lastExtended >>> 16) - 1 : 0;
    }
}
