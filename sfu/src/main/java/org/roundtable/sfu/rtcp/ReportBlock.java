package org.roundtable.sfu.rtcp;

/**
 * One 24-byte reception report block of an SR or RR (RFC 3550 section 6.4.1). Flyweight over
 * {@code byte[] + offset}; {@link #append} adds a block to an SR/RR already in a buffer and fixes
 * its header. Confined to the thread owning the buffer.
 */
public final class ReportBlock {
    public static final int LENGTH = 24;
    /** Largest and smallest values of the signed 24-bit cumulative loss. */
    public static final int MAX_CUMULATIVE_LOST = 0x7FFFFF;
    public static final int MIN_CUMULATIVE_LOST = -0x800000;

    private byte[] buf;
    private int off;

    public ReportBlock wrap(byte[] b, int off) {
        this.buf = b;
        this.off = off;
        return this;
    }

    public long ssrc() { return RtcpHeader.readUint32(buf, off); }
    /** Fraction lost since the last report, in 1/256 units (0..255). */
    public int fractionLost() { return buf[off + 4] & 0xFF; }
    /** Cumulative number of packets lost: signed 24 bit (duplicates can make it negative). */
    public int cumulativeLost() { return (RtcpHeader.readUint24(buf, off + 5) << 8) >> 8; }
    public long extHighestSeq() { return RtcpHeader.readUint32(buf, off + 8); }
    public long jitter() { return RtcpHeader.readUint32(buf, off + 12); }
    /** Middle 32 bits of the NTP timestamp of the last SR received from this source. */
    public long lsr() { return RtcpHeader.readUint32(buf, off + 16); }
    /** Delay since that SR, in 1/65536 s. */
    public long dlsr() { return RtcpHeader.readUint32(buf, off + 20); }

    public static int size() { return LENGTH; }

    /** Writes one block at {@code off}; cumulative loss is clamped to signed 24 bits. Returns 24. */
    public static int write(byte[] b, int off, long ssrc, int fractionLost, int cumulativeLost,
                            long extHighestSeq, long jitter, long lsr, long dlsr) {
        RtcpHeader.writeUint32(b, off, ssrc);
        b[off + 4] = (byte) fractionLost;
        int lost = Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost));
        RtcpHeader.writeUint24(b, off + 5, lost & 0xFFFFFF);
        RtcpHeader.writeUint32(b, off + 8, extHighestSeq);
        RtcpHeader.writeUint32(b, off + 12, jitter);
        RtcpHeader.writeUint32(b, off + 16, lsr);
        RtcpHeader.writeUint32(b, off + 20, dlsr);
        return LENGTH;
    }

    /**
     * Appends a block to the SR or RR starting at {@code reportOff} (which must end with its
     * report blocks, no profile extension), increments its report count and length. Returns 24,
     * or -1 if it already holds 31 blocks.
     */
    public static int append(byte[] b, int reportOff, long ssrc, int fractionLost, int cumulativeLost,
                             long extHighestSeq, long jitter, long lsr, long dlsr) {
        int count = RtcpHeader.count(b, reportOff);
        if (count >= 31) {
            return -1;
        }
        int packetLen = RtcpHeader.byteLength(b, reportOff);
        write(b, reportOff + packetLen, ssrc, fractionLost, cumulativeLost, extHighestSeq, jitter, lsr, dlsr);
        RtcpHeader.write(b, reportOff, count + 1, RtcpHeader.packetType(b, reportOff), packetLen + LENGTH);
        return LENGTH;
    }
}
