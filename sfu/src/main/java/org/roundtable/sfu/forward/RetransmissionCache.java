package org.roundtable.sfu.forward;

/**
 * The last packets received on one published stream, by SSRC and sequence number, to answer
 * receivers' NACKs: one copy per packet, shared by every consumer of the stream (each rebuilds its
 * own rewritten packet from it, see {@link ResendIndex}). A ring of preallocated slots (each
 * allocated once, on first use): storing and finding allocate nothing.
 * Confined to the producer's media worker.
 */
public final class RetransmissionCache {
    /** Largest packet a slot holds; larger ones are not cached. */
    public static final int SLOT_BYTES = 1500;

    private final int mask;
    private final byte[][] slots;
    private final int[] lengths;
    private final int[] seqs;
    private final long[] ssrcs;

    public RetransmissionCache(int capacity) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        slots = new byte[capacity][];
        lengths = new int[capacity];
        seqs = new int[capacity];
        ssrcs = new long[capacity];
        java.util.Arrays.fill(seqs, -1);
    }

    /** Keeps a copy of the packet {@code seq} of {@code ssrc}; returns false when it is too large. */
    public boolean store(long ssrc, int seq, byte[] src, int off, int len) {
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
        ssrcs[i] = ssrc;
        return true;
    }

    /** Slot of packet {@code seq} of {@code ssrc}, or -1 when it was never stored or was overwritten. */
    public int find(long ssrc, int seq) {
        int i = seq & mask;
        return seqs[i] == (seq & 0xFFFF) && ssrcs[i] == ssrc ? i : -1;
    }

    public byte[] data(int slot) { return slots[slot]; }
    public int length(int slot) { return lengths[slot]; }

    public int capacity() {
        return mask + 1;
    }

    public void clear() {
        java.util.Arrays.fill(seqs, -1);
    }
}
