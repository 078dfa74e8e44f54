package org.roundtable.sfu.stats;

/**
 * Converts the media clock (monotonic nanoseconds) to 64-bit NTP timestamps for sender reports:
 * the wall-clock offset is taken once, so reports stay monotonic even if the wall clock jumps.
 * Immutable.
 */
public final class NtpTime {
    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long unixNanosAtZero;

    /** {@code unixNanosAtZero}: wall time (ns since 1970) when the media clock read 0. */
    public NtpTime(long unixNanosAtZero) {
        this.unixNanosAtZero = unixNanosAtZero;
    }

    /** Pairs the current wall clock with the current reading of {@code nanoClock}. */
    public static NtpTime calibrate(java.util.function.LongSupplier nanoClock) {
        long unixNanos = System.currentTimeMillis() * 1_000_000L;
        return new NtpTime(unixNanos - nanoClock.getAsLong());
    }

    /** The 64-bit NTP timestamp (32.32 fixed point seconds since 1900) of media time {@code nanos}. */
    public long ntp(long nanos) {
        long unix = unixNanosAtZero + nanos;
        long seconds = Math.floorDiv(unix, NANOS_PER_SECOND);
        long fracNanos = Math.floorMod(unix, NANOS_PER_SECOND);
        long fraction = (fracNanos << 32) / NANOS_PER_SECOND;
        return ((seconds + NTP_UNIX_OFFSET_SECONDS) << 32) | fraction;
    }
}
