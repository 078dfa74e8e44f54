package org.roundtable.sfu.forward;

/**
 * Arrival times of the packets of one publish transport, by transport-wide sequence number
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01), waiting to be reported in the next
 * feedback. A ring of preallocated slots: recording allocates nothing. Confined to the
 * endpoint's media worker.
 */
public final class TransportCcRecorder {
    /** The most packets one feedback reports; older unreported ones are skipped. */
    public static final int WINDOW = 1024;
    private static final int MASK = WINDOW - 1;

    private final long[] arrivalNanos = new long[WINDOW];
    private final long[] slotSeq = new long[WINDOW];
    private boolean started;
    /** Extended sequence number of the first packet the next feedback reports. */
    private long nextReportExt;
    private long highestExt;
    private int feedbackCount;

    public TransportCcRecorder() {
        java.util.Arrays.fill(slotSeq, -1);
    }

    /** Records the arrival of the packet with transport-wide sequence number {@code seq}. */
    public void record(int seq, long nowNanos) {
        long ext;
        if (!started) {
            started = true;
            ext = seq & 0xFFFF;
            nextReportExt = ext;
            highestExt = ext;
        } else {
            ext = SeqNum.extend(seq, highestExt);
            if (ext < nextReportExt) {
                return; // already reported as lost; too late to change that
            }
            if (ext > highestExt) {
                highestExt = ext;
            }
        }
        int i = (int) (ext & MASK);
        slotSeq[i] = ext;
        arrivalNanos[i] = nowNanos;
        if (highestExt - nextReportExt >= WINDOW) {
            nextReportExt = highestExt - WINDOW + 1;
        }
    }

    /** True when packets arrived since the last feedback. */
    public boolean hasPending() {
        return started && highestExt >= nextReportExt;
    }

    /** Extended sequence number of the first packet to report (the feedback's base). */
    public long baseExt() { return nextReportExt; }

    /** Packets (received or not) the next feedback covers. */
    public int pendingCount() {
        return hasPending() ? (int) (highestExt - nextReportExt + 1) : 0;
    }

    /** Arrival time of the packet {@code ext}, or -1 when it has not arrived. */
    public long arrivalNanos(long ext) {
        int i = (int) (ext & MASK);
        return slotSeq[i] == ext ? arrivalNanos[i] : -1;
    }

    /** Marks everything up to the highest received as reported; returns the feedback packet count. */
    public int markReported() {
        nextReportExt = highestExt + 1;
        return feedbackCount++ & 0xFF;
    }

    /** Marks the packets up to {@code ext} as reported (a feedback covered them); returns the feedback packet count. */
    public int markReportedThrough(long ext) {
        nextReportExt = Math.min(ext, highestExt) + 1;
        return feedbackCount++ & 0xFF;
    }

    public long highestExt() { return highestExt; }
}
