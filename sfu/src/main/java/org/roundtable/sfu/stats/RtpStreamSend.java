package org.roundtable.sfu.stats;

/**
 * Send side of one outgoing RTP stream: what a sender report says about it (packet and octet
 * counts, the RTP time that corresponds to "now") plus what its receiver reports back.
 * Confined to the consumer's media worker.
 */
public final class RtpStreamSend {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long ssrc;
    private final int clockRate;
    private long packets;
    private long octets;
    private long lastRtpTs;
    private long lastSendNanos;
    private boolean sent;
    private int fractionLost;
    private int cumulativeLost;
    private long jitter;
    private long reports;

    public RtpStreamSend(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /** Records one sent packet (payload octets as RFC 3550 counts them). */
    public void onSent(long rtpTs, int payloadOctets, long nowNanos) {
        packets++;
        octets += payloadOctets;
        lastRtpTs = rtpTs;
        lastSendNanos = nowNanos;
        sent = true;
    }

    /**
     * The RTP timestamp of this stream at {@code nowNanos}: the last sent timestamp advanced by
     * the time elapsed since, at the stream's clock rate (RFC 3550 6.4.1).
     */
    public long rtpTimestampAt(long nowNanos) {
        long ticks = (nowNanos - lastSendNanos) * clockRate / NANOS_PER_SECOND;
        return (lastRtpTs + ticks) & 0xFFFFFFFFL;
    }

    public void onReceiverReport(int fractionLost, int cumulativeLost, long jitter) {
        this.fractionLost = fractionLost;
        this.cumulativeLost = cumulativeLost;
        this.jitter = jitter;
        reports++;
    }

    public long ssrc() { return ssrc; }
    public int clockRate() { return clockRate; }
    public boolean hasSent() { return sent; }
    public long packets() { return packets; }
    public long octets() { return octets; }
    public long lastSendNanos() { return lastSendNanos; }
    public int fractionLost() { return fractionLost; }
    public int cumulativeLost() { return cumulativeLost; }
    public long jitter() { return jitter; }
    public long receiverReports() { return reports; }
}
