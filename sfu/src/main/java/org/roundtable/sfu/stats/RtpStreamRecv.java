package org.roundtable.sfu.stats;

import org.roundtable.sfu.forward.SeqNum;

/**
 * Receive statistics of one incoming RTP stream, as RFC 3550 appendix A computes them: extended
 * highest sequence number, cumulative and fractional loss, interarrival jitter, and the last
 * sender report (for LSR/DLSR in our receiver reports). Confined to the producer's media worker.
 */
public final class RtpStreamRecv {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long ssrc;
    private final int clockRate;
    private boolean started;
    private long baseExtSeq;
    private long highestExtSeq;
    private long received;
    private long bytes;
    private long expectedPrior;
    private long receivedPrior;
    private long lastTransit;
    private boolean haveTransit;
    private double jitter;
    private long lastSrNtpMiddle;
    private long lastSrArrivalNanos;
    private boolean haveSr;
    private long lastSrRtpTs;
    private long lastSrNtp;

    public RtpStreamRecv(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /** Records one received packet (not a retransmission: those would distort jitter). */
    public void onPacket(int seq, long rtpTs, int length, long arrivalNanos) {
        if (!started) {
            started = true;
            baseExtSeq = seq & 0xFFFF;
            highestExtSeq = baseExtSeq;
        } else {
            long ext = SeqNum.extend(seq, highestExtSeq);
            if (ext > highestExtSeq) {
                highestExtSeq = ext;
            }
        }
        received++;
        bytes += length;
        // RFC 3550 A.8: transit in timestamp units; jitter J += (|D| - J) / 16
        long arrivalTicks = arrivalNanos * clockRate / NANOS_PER_SECOND;
        long transit = arrivalTicks - rtpTs;
        if (haveTransit) {
            long d = Math.abs((long) (int) (transit - lastTransit));
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** Records a sender report from the stream's source. {@code ntp} is the 64-bit NTP timestamp. */
    public void onSenderReport(long ntp, long rtpTs, long arrivalNanos) {
        lastSrNtpMiddle = (ntp >>> 16) & 0xFFFFFFFFL;
        lastSrArrivalNanos = arrivalNanos;
        lastSrNtp = ntp;
        lastSrRtpTs = rtpTs;
        haveSr = true;
    }

    public long ssrc() { return ssrc; }
    public int clockRate() { return clockRate; }
    public boolean started() { return started; }
    public long received() { return received; }
    public long bytes() { return bytes; }
    public long extendedHighestSeq() { return highestExtSeq; }
    public long expected() { return started ? highestExtSeq - baseExtSeq + 1 : 0; }
    public boolean hasSenderReport() { return haveSr; }
    public long lastSrNtp() { return lastSrNtp; }
    public long lastSrRtpTs() { return lastSrRtpTs; }
    public long lastSrArrivalNanos() { return lastSrArrivalNanos; }

    /** Cumulative packets lost, clamped to the signed 24-bit field of a report block. */
    public int cumulativeLost() {
        long lost = expected() - received;
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /** Interarrival jitter in timestamp units. */
    public long jitter() {
        return (long) jitter;
    }

    /** The middle 32 bits of the last SR's NTP time, 0 if none (RFC 3550 6.4.1 LSR). */
    public long lsr() {
        return haveSr ? lastSrNtpMiddle : 0;
    }

    /** Delay since the last SR in 1/65536 s, 0 if none (RFC 3550 6.4.1 DLSR). */
    public long dlsr(long nowNanos) {
        if (!haveSr) {
            return 0;
        }
        long units = (nowNanos - lastSrArrivalNanos) * 65536 / NANOS_PER_SECOND;
        return Math.min(0xFFFFFFFFL, Math.max(0, units));
    }

    /**
     * The fraction lost since the previous call, as the 8-bit fixed point of a report block;
     * advances the interval (call once per report).
     */
    public int takeFractionLost() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }
}
