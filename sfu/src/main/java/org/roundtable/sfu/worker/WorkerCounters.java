package org.roundtable.sfu.worker;

import org.roundtable.sfu.stats.DelayHistogram;

/**
 * Counters of one media worker. Written only by that worker (plain fields, no contention);
 * read racily by the metrics thread, which sums every worker's values (longs are atomic on the
 * 64-bit JVMs we run on, so readers see old values, never torn ones).
 */
public final class WorkerCounters {
    volatile long packetsIn;
    volatile long bytesIn;
    volatile long packetsOut;
    volatile long bytesOut;
    volatile long rtcpIn;
    volatile long rtcpOut;
    volatile long nacksReceived;
    volatile long retransmissionsSent;
    volatile long nacksSent;
    volatile long plisSent;
    volatile long transportCcFeedbackSent;
    volatile long transportCcFeedbackReceived;
    volatile long rembReceived;
    private final long[] dropped = new long[DropReason.values().length];
    private final DelayHistogram forwardingDelay = new DelayHistogram();

    // The worker is the only writer: read-modify-write on a volatile is safe here and makes the
    // value visible to the metrics reader without a lock.
    public void packetIn(int bytes) { packetsIn++; bytesIn += bytes; }
    public void packetOut(int bytes) { packetsOut++; bytesOut += bytes; }
    public void countRtcpIn() { rtcpIn++; }
    public void countRtcpOut() { rtcpOut++; }
    public void countNackReceived() { nacksReceived++; }
    public void countRetransmissionSent() { retransmissionsSent++; }
    public void countNackSent() { nacksSent++; }
    public void countPliSent() { plisSent++; }
    public void countTransportCcFeedbackSent() { transportCcFeedbackSent++; }
    public void countTransportCcFeedbackReceived() { transportCcFeedbackReceived++; }
    public void countRembReceived() { rembReceived++; }

    /** Time from a packet's receive to the end of its forwarded copy's send. */
    public DelayHistogram forwardingDelay() { return forwardingDelay; }

    public void drop(DropReason reason) {
        dropped[reason.ordinal()]++;
    }

    public void drop(DropReason reason, int count) {
        dropped[reason.ordinal()] += count;
    }

    public long packetsIn() { return packetsIn; }
    public long bytesIn() { return bytesIn; }
    public long packetsOut() { return packetsOut; }
    public long bytesOut() { return bytesOut; }
    public long rtcpIn() { return rtcpIn; }
    public long rtcpOut() { return rtcpOut; }
    public long nacksReceived() { return nacksReceived; }
    public long retransmissionsSent() { return retransmissionsSent; }
    public long nacksSent() { return nacksSent; }
    public long plisSent() { return plisSent; }
    public long transportCcFeedbackSent() { return transportCcFeedbackSent; }
    public long transportCcFeedbackReceived() { return transportCcFeedbackReceived; }
    public long rembReceived() { return rembReceived; }

    public long dropped(DropReason reason) {
        return dropped[reason.ordinal()];
    }
}
