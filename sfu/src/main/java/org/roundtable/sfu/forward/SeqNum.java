package org.roundtable.sfu.forward;

/** Arithmetic on 16-bit RTP sequence numbers and 32-bit timestamps (RFC 3550 wraparound). Stateless. */
public final class SeqNum {
    private SeqNum() { }

    /** Signed distance {@code a - b} in [-32768, 32767]. */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }

    /** True when {@code a} comes after {@code b}. */
    public static boolean isNewer(int a, int b) {
        return diff(a, b) > 0;
    }

    /** Extends 16-bit {@code seq} to the extended number closest to {@code reference}. */
    public static long extend(int seq, long reference) {
        return reference + diff(seq, (int) (reference & 0xFFFF));
    }

    /** Signed distance {@code a - b} of 32-bit timestamps. */
    public static long tsDiff(long a, long b) {
        return (int) (a - b);
    }
}
