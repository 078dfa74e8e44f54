package org.roundtable.sfu.rtp;

/**
 * Absolute send time (webrtc.org abs-send-time): 24 bits, seconds in 6.18 fixed point, so it
 * wraps every 64 s and ticks in units of 1/262144 s (about 3.8 us). Stateless.
 */
public final class AbsSendTimeExtension {
    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final int DATA_LENGTH = 3;
    /** Nanoseconds after which the 24-bit value wraps: 64 s. */
    public static final long WRAP_NANOS = 64_000_000_000L;
    private static final int FRACTION_BITS = 18;

    private AbsSendTimeExtension() {
    }

    /** The raw 24-bit 6.18 value. */
    public static int read(byte[] b, int dataOff) {
        return ((b[dataOff] & 0xFF) << 16) | ((b[dataOff + 1] & 0xFF) << 8) | (b[dataOff + 2] & 0xFF);
    }

    /** Writes {@code nanos} (any clock; only its value modulo 64 s matters) as 6.18 fixed point. */
    public static void write(byte[] b, int dataOff, long nanos) {
        int v = fromNanos(nanos);
        b[dataOff] = (byte) (v >>> 16);
        b[dataOff + 1] = (byte) (v >>> 8);
        b[dataOff + 2] = (byte) v;
    }

    /** 24-bit 6.18 value of {@code nanos} modulo 64 s, rounded to the nearest tick. */
    public static int fromNanos(long nanos) {
        long withinWrap = Math.floorMod(nanos, WRAP_NANOS);
        // withinWrap < 2^36, so shifting by 18 stays below 2^54: no overflow.
        long ticks = ((withinWrap << FRACTION_BITS) + 500_000_000L) / 1_000_000_000L;
        return (int) (ticks & 0xFFFFFF);
    }

    /** Nanoseconds (0 .. 64 s) of a 24-bit 6.18 value. */
    public static long toNanos(int value) {
        return ((value & 0xFFFFFFL) * 1_000_000_000L) >>> FRACTION_BITS;
    }
}
