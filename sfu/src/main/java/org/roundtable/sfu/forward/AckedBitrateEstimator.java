package org.roundtable.sfu.forward;

/**
 * What a receiver actually gets, from its transport-cc feedback: the bytes it acknowledged over
 * the span of their arrival times, smoothed, and the fraction it reported lost. A measurement
 * for the allocator, not a congestion controller: it does not probe above what is being sent.
 * Pure; confined to the receiving transport's media worker.
 */
public final class AckedBitrateEstimator {
    /** Shorter spans measure scheduling noise more than throughput. */
    private static final long MIN_SPAN_MICROS = 20_000;
    private static final double SMOOTHING = 0.25;

    private boolean haveRate;
    private double bitrateBps;
    private double lossFraction;
    private long feedbacks;

    /**
     * One feedback's summary: {@code bytesAfterFirst} acknowledged bytes received after the first
     * received packet, which arrived at {@code firstArrivalMicros}; the last at {@code lastArrivalMicros}.
     */
    public void onFeedback(long bytesAfterFirst, long firstArrivalMicros, long lastArrivalMicros, int received, int lost) {
        feedbacks++;
        int total = received + lost;
        if (total > 0) {
            double loss = (double) lost / total;
            lossFraction = feedbacks == 1 ? loss : lossFraction + SMOOTHING * (loss - lossFraction);
        }
        long span = lastArrivalMicros - firstArrivalMicros;
        if (received < 2 || span < MIN_SPAN_MICROS) {
            return;
        }
        double sample = bytesAfterFirst * 8.0 * 1_000_000.0 / span;
        bitrateBps = haveRate ? bitrateBps + SMOOTHING * (sample - bitrateBps) : sample;
        haveRate = true;
    }

    /** The smoothed acknowledged bitrate, 0 until a feedback spanned enough time. */
    public long bitrateBps() {
        return haveRate ? (long) bitrateBps : 0;
    }

    /** Smoothed fraction of packets the receiver reported lost, 0..1. */
    public double lossFraction() {
        return lossFraction;
    }

    public long feedbacks() {
        return feedbacks;
    }
}
