package org.roundtable.loadtest.participant;

/**
 * The last {@link #SLOTS} plaintext RTP packets of one sent stream, by sequence number, so a NACK
 * can be answered as a browser does. Preallocated; no allocation per packet. Confined to the
 * sending media worker.
 */
final class RetransmissionCache {
    static final int SLOTS = 512;
    private static final int MASK = SLOTS - 1;
    private static final int SLOT_BYTES = 1300;

    private final byte[] data = new byte[SLOTS * SLOT_BYTES];
    private final int[] lengths = new int[SLOTS];
    private final int[] seqs = new int[SLOTS];

    RetransmissionCache() {
        java.util.Arrays.fill(seqs, -1);
    }

    void put(int seq, byte[] b, int off, int len) {
        if (len > SLOT_BYTES) {
            return;
        }
        int slot = seq & MASK;
        System.arraycopy(b, off, data, slot * SLOT_BYTES, len);
        lengths[slot] = len;
        seqs[slot] = seq;
    }

    /** Offset in {@link #data()} of the packet with this sequence number, or -1 if it is gone. */
    int find(int seq) {
        int slot = seq & MASK;
        return seqs[slot] == seq ? slot * SLOT_BYTES : -1;
    }

    int length(int seq) {
        return lengths[seq & MASK];
    }

    byte[] data() {
        return data;
    }
}
