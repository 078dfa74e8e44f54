package org.roundtable.loadtest.participant;

import org.roundtable.loadtest.stats.SequenceUnwrapper;
import org.roundtable.sfu.rtcp.TransportCcFeedback;

/**
 * Records the arrival time of every transport-wide sequence number of one connection and writes
 * them as transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01), as a
 * browser's receiver does every ~100 ms. Preallocated. Confined to the media worker.
 */
final class TransportCcRecorder {
    private static final int RING = 4096;
    private static final int MASK = RING - 1;
    /** Packets per feedback message: keeps one message well inside a datagram. */
    static final int MAX_PER_FEEDBACK = 300;

    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final long[] arrivalMicros = new long[RING];
    private final TransportCcFeedback.Builder builder = new TransportCcFeedback.Builder(MAX_PER_FEEDBACK);
    private long nextToReport = -1;
    private long highest = -1;
    private int feedbackCount;

    TransportCcRecorder() {
        java.util.Arrays.fill(arrivalMicros, -1);
    }

    void record(int seq16, long arrivalNanos) {
        long ext = unwrapper.unwrap(seq16);
        if (nextToReport < 0) {
            nextToReport = ext;
        }
        if (ext < nextToReport || ext - nextToReport >= RING) {
            if (ext - nextToReport >= RING) {
                // fell too far behind (no feedback sent): restart from here
                java.util.Arrays.fill(arrivalMicros, -1);
                nextToReport = ext;
                highest = ext;
            } else {
                return; // already reported as lost: too late
            }
        }
        arrivalMicros[(int) (ext & MASK)] = arrivalNanos / 1_000;
        highest = Math.max(highest, ext);
    }

    boolean hasPending() {
        return nextToReport >= 0 && highest >= nextToReport;
    }

    /**
     * Writes one feedback message covering the oldest unreported sequence numbers (at most
     * {@link #MAX_PER_FEEDBACK}); returns its length, or 0 if there is nothing to report.
     */
    int write(byte[] b, int off, long senderSsrc, long mediaSsrc) {
        if (!hasPending()) {
            return 0;
        }
        builder.reset();
        long base = nextToReport;
        long s = base;
        while (s <= highest) {
            long arrival = arrivalMicros[(int) (s & MASK)];
            boolean added = arrival >= 0 ? builder.addReceived(arrival) : builder.addLost();
            if (!added) {
                break;
            }
            arrivalMicros[(int) (s & MASK)] = -1;
            s++;
        }
        nextToReport = s;
        if (builder.isEmpty()) {
            return 0;
        }
        int len = builder.write(b, off, senderSsrc, mediaSsrc, (int) (base & 0xFFFF), feedbackCount++ & 0xFF);
        return len;
    }
}
