package org.roundtable.loadtest.stats;

/**
 * RFC 3550 6.4.1 interarrival jitter: J += (|D| - J) / 16, where D compares the spacing of
 * arrivals with the spacing of RTP timestamps, both in timestamp units. Kept in floating point;
 * {@link #jitterUnits()} rounds it as an RR report block carries it. Confined to one thread.
 */
public final class JitterEstimator {
    private final int clockRate;
    private boolean started;
    private double lastTransit;
    private double jitter;

    public JitterEstimator(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * @param arrivalNanos arrival time on any monotonic clock, in nanoseconds
     * @param rtpTimestamp the packet's 32-bit RTP timestamp
     */
    public void onPacket(long arrivalNanos, long rtpTimestamp) {
        double arrivalUnits = arrivalNanos * (clockRate / 1e9);
        double transit = arrivalUnits - (rtpTimestamp & 0xFFFFFFFFL);
        if (started) {
            double d = transit - lastTransit;
            // A timestamp wrap shows as a transit jump of 2^32 units: fold it back.
            if (d > 2147483648.0) {
                d -= 4294967296.0;
            } else if (d < -2147483648.0) {
                d += 4294967296.0;
            }
            jitter += (Math.abs(d) - jitter) / 16.0;
        }
        started = true;
        lastTransit = transit;
    }

    public long jitterUnits() { return Math.round(jitter); }

    public double jitterMillis() { return jitter * 1000.0 / clockRate; }

    public int clockRate() { return clockRate; }
}
