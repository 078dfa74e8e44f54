package org.roundtable.loadtest.stats;

/**
 * Per-SSRC receiver state a browser keeps to write RTCP receiver reports (RFC 3550 6.4.1 and
 * A.3: extended highest sequence, cumulative and interval loss, jitter, LSR/DLSR) and to ask for
 * retransmissions of missing sequence numbers (RFC 4585 generic NACK). Confined to the
 * receiver's media worker thread.
 */
public final class RtpReceiveState {
    /** Sequence numbers we keep asking for at most. */
    static final int MAX_MISSING = 256;
    static final int MAX_NACK_TRIES = 3;

    private final long ssrc;
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final SequenceTracker tracker = new SequenceTracker();
    private final JitterEstimator jitter;
    private long expectedPrior;
    private long receivedPrior;
    private long lastSrNtpMiddle;
    private long lastSrArrivalNanos;

    // missing sequence numbers (extended), with when they went missing and how often we asked
    private final long[] missing = new long[MAX_MISSING];
    private final long[] missingSinceNanos = new long[MAX_MISSING];
    private final int[] nackTries = new int[MAX_MISSING];
    private int missingCount;

    public RtpReceiveState(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.jitter = new JitterEstimator(clockRate);
    }

    public void onPacket(int seq16, long rtpTimestamp, long arrivalNanos) {
        long ext = unwrapper.unwrap(seq16);
        boolean hadStarted = tracker.started();
        long highestBefore = tracker.highest();
        if (!tracker.onPacket(ext)) {
            return;
        }
        jitter.onPacket(arrivalNanos, rtpTimestamp);
        if (hadStarted && ext > highestBefore + 1) {
            for (long s = Math.max(highestBefore + 1, ext - MAX_MISSING); s < ext; s++) {
                addMissing(s, arrivalNanos);
            }
        } else if (hadStarted && ext < highestBefore) {
            removeMissing(ext);
        }
    }

    /** An SR from this source arrived: remember it for LSR/DLSR. */
    public void onSenderReport(long ntpMiddle32, long arrivalNanos) {
        lastSrNtpMiddle = ntpMiddle32;
        lastSrArrivalNanos = arrivalNanos;
    }

    private void addMissing(long ext, long now) {
        if (missingCount == MAX_MISSING) {
            System.arraycopy(missing, 1, missing, 0, MAX_MISSING - 1);
            System.arraycopy(missingSinceNanos, 1, missingSinceNanos, 0, MAX_MISSING - 1);
            System.arraycopy(nackTries, 1, nackTries, 0, MAX_MISSING - 1);
            missingCount--;
        }
        missing[missingCount] = ext;
        missingSinceNanos[missingCount] = now;
        nackTries[missingCount] = 0;
        missingCount++;
    }

    private void removeMissing(long ext) {
        for (int i = 0; i < missingCount; i++) {
            if (missing[i] == ext) {
                int tail = missingCount - i - 1;
                System.arraycopy(missing, i + 1, missing, i, tail);
                System.arraycopy(missingSinceNanos, i + 1, missingSinceNanos, i, tail);
                System.arraycopy(nackTries, i + 1, nackTries, i, tail);
                missingCount--;
                return;
            }
        }
    }

    /**
     * Collects the 16-bit sequence numbers to NACK now: missing for at least {@code minAgeNanos}
     * since the last ask, fewer than {@link #MAX_NACK_TRIES} asks; gives up on older ones.
     * Returns how many were written into {@code out}.
     */
    public int collectNacks(long nowNanos, long minAgeNanos, int[] out) {
        int n = 0;
        int keep = 0;
        for (int i = 0; i < missingCount; i++) {
            boolean drop = false;
            if (nowNanos - missingSinceNanos[i] >= minAgeNanos && n < out.length) {
                out[n++] = (int) (missing[i] & 0xFFFF);
                nackTries[i]++;
                missingSinceNanos[i] = nowNanos;
                drop = nackTries[i] >= MAX_NACK_TRIES;
            }
            if (!drop) {
                missing[keep] = missing[i];
                missingSinceNanos[keep] = missingSinceNanos[i];
                nackTries[keep] = nackTries[i];
                keep++;
            }
        }
        missingCount = keep;
        return n;
    }

    public int missingCount() { return missingCount; }

    public long ssrc() { return ssrc; }

    public boolean started() { return tracker.started(); }

    /** Extended highest sequence number as an RR carries it: cycles in the high 16 bits. */
    public long extendedHighest() {
        long cycles = (tracker.highest() >>> 16) - 1;
        return ((cycles << 16) | (tracker.highest() & 0xFFFF)) & 0xFFFFFFFFL;
    }

    public int cumulativeLost() {
        return (int) Math.min(Integer.MAX_VALUE, tracker.expected() - tracker.received());
    }

    /** RFC 3550 A.3 fraction lost since the previous report, in 1/256; advances the interval. */
    public int fractionLostAndAdvance() {
        long expected = tracker.expected();
        long received = tracker.received();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        if (expectedInterval <= 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }

    public long jitterUnits() { return jitter.jitterUnits(); }

    public long lsr() { return lastSrNtpMiddle; }

    /** Delay since the last SR in 1/65536 s, 0 if none came. */
    public long dlsr(long nowNanos) {
        if (lastSrArrivalNanos == 0) {
            return 0;
        }
        return ((nowNanos - lastSrArrivalNanos) << 16) / 1_000_000_000L & 0xFFFFFFFFL;
    }
}
