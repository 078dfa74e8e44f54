package org.roundtable.sfu.forward;

/**
 * The last packets sent on one outgoing stream, by sequence number, to answer NACKs. A ring of
 * preallocated slots (each allocated once, on first use): storing and finding allocate nothing.
 * Confined to the consumer's media worker.
 */
public final class RetransmissionCache {
    /** Largest packet a slot holds; larger ones are not cached. */
    public static final int SLOT_BYTES = 1500;

    private final int mask;
    private final byte[][] slots;
    private final int[] lengths;
    private final int[] seqs;
    private final long[] storedNanos;
    private final long[] resentNanos;

    public RetransmissionCache(int capacity) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        slots = new byte[capacity][];
        lengths = new int[capacity];
        seqs = new int[capacity];
        storedNanos = new long[capacity];
        resentNanos = new long[capacity];
        java.util.Arrays.fill(seqs, -1);
    }

    /** Keeps a copy of the packet sent with {@code seq}; returns false when it is too large. */
    public boolean store(int seq, byte[] src, int off, int len, long nowNanos) {
        if (len > SLOT_BYTES) {
            return false;
        }
        int i = seq & mask;
        byte[] slot = slots[i];
        if (slot == null) {
            slot = new byte[SLOT_BYTES];
            slots[i] = slot;
        }
        System.arraycopy(src, off, slot, 0, len);
        lengths[i] = len;
        seqs[i] = seq & 0xFFFF;
        storedNanos[i] = nowNanos;
        resentNanos[i] = Long.MIN_VALUE;
        return true;
    }

    /** Slot of the packet with {@code seq}, or -1 when it was never stored or was overwritten. */
    public int find(int seq) {
        int i = seq & mask;
        return seqs[i] == (seq & 0xFFFF) ? i : -1;
    }

    public byte[] data(int slot) { return slots[slot]; }
    public int length(int slot) { return lengths[slot]; }
    public long storedNanos(int slot) { return storedNanos[slot]; }

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

    public int capacity() {
        return mask + 1;
    }

    public void clear() {
        java.util.Arrays.fill(seqs, -1);
    }
}
