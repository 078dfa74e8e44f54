package org.roundtable.sfu.srtp;

/**
 * A sender's view of one SSRC's SRTP packet index (RFC 3711 3.3.1): the rollover counter (ROC) and
 * the highest sequence number sent. An SFU sends some sequence numbers late (a retransmission
 * forwarded after newer packets), so the ROC of each packet is estimated like a receiver does,
 * the same way jitsi-srtp's sender does: a late packet from before a wrap keeps the old ROC.
 * Confined to the sending thread.
 */
final class RolloverCounter {
    private static final int HALF = 1 << 15;
    private int roc;
    private int highest;
    private boolean started;

    /** The ROC to protect sequence number {@code seq} with; moves the counter on when {@code seq} starts a new cycle. */
    int next(int seq) {
        if (!started) {
            started = true;
            highest = seq;
            return roc;
        }
        int guessed;
        if (highest < HALF) {
            guessed = seq - highest > HALF ? roc - 1 : roc;
        } else {
            guessed = highest - HALF > seq ? roc + 1 : roc;
        }
        if (guessed == roc) {
            if (seq > highest) {
                highest = seq;
            }
        } else if (guessed == roc + 1) {
            highest = seq;
            roc = guessed;
        }
        return guessed;
    }
}
