package org.roundtable.sfu.forward;

/**
 * Size and send time of the packets recently sent on one transport, by transport-wide sequence
 * number, so the receiver's transport-cc feedback can be turned into acknowledged bytes.
 * Preallocated ring: recording allocates nothing. Confined to the transport's media worker.
 */
public final class SentPacketHistory {
    public static final int CAPACITY = 4096;
    private static final int MASK = CAPACITY - 1;

    private final int[] seqs = new int[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private final long[] sendNanos = new long[CAPACITY];

    public SentPacketHistory() {
        java.util.Arrays.fill(seqs, -1);
    }

    public void onSent(int transportSeq, int bytes, long nowNanos) {
        int i = transportSeq & MASK;
        seqs[i] = transportSeq & 0xFFFF;
        sizes[i] = bytes;
        sendNanos[i] = nowNanos;
    }

    /** Bytes of the packet sent with {@code transportSeq}, or -1 if unknown (never sent or overwritten). */
    public int size(int transportSeq) {
        int i = transportSeq & MASK;
        return seqs[i] == (transportSeq & 0xFFFF) ? sizes[i] : -1;
    }

    /** Send time of the packet, or -1 if unknown. */
    public long sendNanos(int transportSeq) {
        int i = transportSeq & MASK;
        return seqs[i] == (transportSeq & 0xFFFF) ? sendNanos[i] : -1;
    }
}
