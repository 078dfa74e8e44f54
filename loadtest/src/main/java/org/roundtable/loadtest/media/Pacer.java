package org.roundtable.loadtest.media;

/**
 * Spreads one video stream's packets over time the way a browser's pacer (libwebrtc's
 * {@code PacingController}) does: at {@value #PACING_FACTOR} times the stream's target bitrate,
 * with up to {@value #BURST_MILLIS} ms of that rate allowed at once after a quiet moment. A
 * keyframe several times the size of a delta frame thus leaves over tens of milliseconds, as
 * from Chrome, instead of in one burst no browser sends. A packet may leave while the budget is
 * positive and is charged after it is written, so the budget can end one packet in debt.
 * Pure: the caller passes the time. Confined to the sending thread.
 */
public final class Pacer {
    static final double PACING_FACTOR = 2.5;
    static final int BURST_MILLIS = 40;

    private final double bytesPerNano;
    private final double maxBudget;
    private double budget;
    private long updatedNanos;
    private boolean started;

    public Pacer(int bitrateBps) {
        if (bitrateBps <= 0) {
            throw new IllegalArgumentException("bitrate " + bitrateBps);
        }
        bytesPerNano = bitrateBps * PACING_FACTOR / 8 / 1e9;
        maxBudget = bytesPerNano * BURST_MILLIS * 1_000_000L;
    }

    /** Whether a packet may leave at {@code nowNanos}. */
    public boolean mayPass(long nowNanos) {
        refill(nowNanos);
        return budget > 0;
    }

    /** A packet of {@code bytes} left. */
    public void charge(int bytes) {
        budget -= bytes;
    }

    /** The earliest time (at or after {@code nowNanos}) at which a packet may leave. */
    public long nextPassNanos(long nowNanos) {
        refill(nowNanos);
        if (budget > 0) {
            return nowNanos;
        }
        return nowNanos + (long) Math.ceil((1 - budget) / bytesPerNano);
    }

    private void refill(long nowNanos) {
        if (!started) {
            started = true;
            budget = maxBudget;
        } else if (nowNanos > updatedNanos) {
            budget = Math.min(maxBudget, budget + (nowNanos - updatedNanos) * bytesPerNano);
        } else {
            return;
        }
        updatedNanos = nowNanos;
    }
}
