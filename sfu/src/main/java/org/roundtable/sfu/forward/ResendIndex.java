package org.roundtable.sfu.forward;

/**
 * What one consumer sent, by its outgoing sequence number: which source packet (SSRC and
 * sequence number, to find it in the producer's {@link RetransmissionCache}) and with which
 * outgoing timestamp, so a NACKed packet can be rebuilt exactly as sent. 24 bytes per packet
 * instead of a copy of it: a broadcast to 200 receivers kept 200 copies of every video packet.
 * Confined to the consumer's media worker.
 */
public final class ResendIndex {
    private final int mask;
    private final int[] outSeqs;
    private final long[] sourceSsrcs;
    private final int[] sourceSeqs;
    private final int[] outTimestamps;
    private final long[] resentNanos;

    public ResendIndex(int capacity) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        outSeqs = new int[capacity];
        sourceSsrcs = new long[capacity];
        sourceSeqs = new int[capacity];
        outTimestamps = new int[capacity];
        resentNanos = new long[capacity];
        java.util.Arrays.fill(outSeqs, -1);
    }

    /** Records that {@code outSeq} / {@code outTs} carried source packet {@code sourceSeq} of {@code sourceSsrc}. */
    public void record(int outSeq, long outTs, long sourceSsrc, int sourceSeq) {
        int i = outSeq & mask;
        outSeqs[i] = outSeq & 0xFFFF;
        outTimestamps[i] = (int) outTs;
        sourceSsrcs[i] = sourceSsrc;
        sourceSeqs[i] = sourceSeq & 0xFFFF;
        resentNanos[i] = Long.MIN_VALUE;
    }

    /** Slot of outgoing {@code outSeq}, or -1 when it was never sent or was overwritten. */
    public int find(int outSeq) {
        int i = outSeq & mask;
        return outSeqs[i] == (outSeq & 0xFFFF) ? i : -1;
    }

    public long sourceSsrc(int slot) { return sourceSsrcs[slot]; }
    public int sourceSeq(int slot) { return sourceSeqs[slot]; }
    public long outTimestamp(int slot) { return outTimestamps[slot] & 0xFFFFFFFFL; }

    /**
     * Whether the packet in {@code slot} may be resent now: not more often than once per
     * {@code minIntervalNanos} (a burst of NACKs for the same loss is answered once). Marks it resent.
     */
    public boolean claimResend(int slot, long nowNanos, long minIntervalNanos) {
        long last = resentNanos[slot];
        if (last != Long.MIN_VALUE && nowNanos - last < minIntervalNanos) {
            return false;
        }
        resentNanos[slot] = nowNanos;
        return true;
    }
}
