package org.roundtable.sfu.forward;

/**
 * Detects lost packets of one incoming stream and says which to NACK when: each missing
 * sequence number is asked for at most {@link #maxRetries} times, {@code retryNanos} apart, and
 * given up when too old; giving up on a packet raises a keyframe request. Pure: times are passed
 * in. Confined to the producer's media worker.
 */
public final class NackGenerator {
    /** Losses further back than this many packets are not asked for. */
    public static final int MAX_AGE_PACKETS = 512;
    private static final int MAX_MISSING = 256;

    private final int maxRetries;
    private final long retryNanos;
    private final long[] missingSeq = new long[MAX_MISSING];
    private final int[] retries = new int[MAX_MISSING];
    private final long[] lastAskedNanos = new long[MAX_MISSING];
    private int missingCount;
    private boolean started;
    private long highestExt;
    private boolean keyframeNeeded;
    private long givenUp;
    private long recovered;

    public NackGenerator(int maxRetries, long retryNanos) {
        this.maxRetries = maxRetries;
        this.retryNanos = retryNanos;
    }

    /** Records an arrived packet (original or retransmission). */
    public void onPacket(int seq) {
        if (!started) {
            started = true;
            highestExt = seq & 0xFFFF;
            return;
        }
        long ext = SeqNum.extend(seq, highestExt);
        long gap = ext - highestExt;
        if (gap > 0) {
            if (gap > MAX_AGE_PACKETS) {
                // a jump this large is a restart or an outage: asking for it all would only add load
                missingCount = 0;
                keyframeNeeded = true;
            } else {
                for (long s = highestExt + 1; s < ext; s++) {
                    addMissing(s);
                }
            }
            highestExt = ext;
        } else if (gap < 0) {
            if (removeMissing(ext)) {
                recovered++;
            }
        }
    }

    /** Whether {@code seq} is a packet still waited for (detected missing, not yet arrived nor given up). */
    public boolean isMissing(int seq) {
        if (!started) {
            return false;
        }
        long ext = SeqNum.extend(seq, highestExt);
        for (int i = 0; i < missingCount; i++) {
            if (missingSeq[i] == ext) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes into {@code out} the 16-bit sequence numbers to NACK now and returns how many.
     * Drops entries that ran out of retries or are too old.
     */
    public int collect(long nowNanos, int[] out) {
        int n = 0;
        int i = 0;
        while (i < missingCount) {
            long s = missingSeq[i];
            if (retries[i] >= maxRetries || highestExt - s > MAX_AGE_PACKETS) {
                removeAt(i);
                givenUp++;
                keyframeNeeded = true;
                continue;
            }
            if (retries[i] == 0 || nowNanos - lastAskedNanos[i] >= retryNanos) {
                if (n < out.length) {
                    out[n++] = (int) (s & 0xFFFF);
                    retries[i]++;
                    lastAskedNanos[i] = nowNanos;
                }
            }
            i++;
        }
        return n;
    }

    /** True once after a loss that NACKs cannot repair: the caller should ask for a keyframe. */
    public boolean takeKeyframeNeeded() {
        boolean k = keyframeNeeded;
        keyframeNeeded = false;
        return k;
    }

    /** Forgets everything: the stream restarted with new sequence numbers. */
    public void reset() {
        started = false;
        missingCount = 0;
        keyframeNeeded = false;
    }

    public int missingCount() { return missingCount; }
    public long givenUp() { return givenUp; }
    public long recovered() { return recovered; }

    private void addMissing(long ext) {
        if (missingCount == MAX_MISSING) {
            removeAt(0); // oldest first out: it is the least likely to still be useful
            givenUp++;
            keyframeNeeded = true;
        }
        missingSeq[missingCount] = ext;
        retries[missingCount] = 0;
        lastAskedNanos[missingCount] = 0;
        missingCount++;
    }

    private boolean removeMissing(long ext) {
        for (int i = 0; i < missingCount; i++) {
            if (missingSeq[i] == ext) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private void removeAt(int i) {
        int tail = missingCount - i - 1;
        if (tail > 0) {
            System.arraycopy(missingSeq, i + 1, missingSeq, i, tail);
            System.arraycopy(retries, i + 1, retries, i, tail);
            System.arraycopy(lastAskedNanos, i + 1, lastAskedNanos, i, tail);
        }
        missingCount--;
    }
}
