package org.roundtable.loadtest.media;

/**
 * The load test's own trailer at the end of every RTP payload it sends: a magic word, the
 * stream id (which publisher track and simulcast layer), a per-stream packet counter that the
 * SFU cannot rewrite, and the sender's monotonic send time. Receivers in the same JVM read it
 * to measure loss end to end and one-way latency through the SFU. Stateless.
 */
public final class MediaStamp {
    public static final int LENGTH = 20;
    static final int MAGIC = 0x52544C54; // "RTLT"

    private MediaStamp() {
    }

    /** Writes the trailer into {@code b[off .. off+LENGTH)}. */
    public static void write(byte[] b, int off, int streamId, long counter, long sendNanos) {
        putInt(b, off, MAGIC);
        putInt(b, off + 4, streamId);
        putInt(b, off + 8, (int) counter);
        putLong(b, off + 12, sendNanos);
    }

    /** Offset of the trailer of a payload, or -1 if the payload does not end with one. */
    public static int find(byte[] b, int payloadOff, int payloadLen) {
        if (payloadLen < LENGTH) {
            return -1;
        }
        int off = payloadOff + payloadLen - LENGTH;
        return getInt(b, off) == MAGIC ? off : -1;
    }

    public static int streamId(byte[] b, int stampOff) { return getInt(b, stampOff + 4); }

    /** The sender's 32-bit counter, unsigned. */
    public static long counter(byte[] b, int stampOff) { return getInt(b, stampOff + 8) & 0xFFFFFFFFL; }

    public static long sendNanos(byte[] b, int stampOff) { return getLong(b, stampOff + 12); }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) (v >>> 32));
        putInt(b, off + 4, (int) v);
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static long getLong(byte[] b, int off) {
        return ((long) getInt(b, off) << 32) | (getInt(b, off + 4) & 0xFFFFFFFFL);
    }
}
