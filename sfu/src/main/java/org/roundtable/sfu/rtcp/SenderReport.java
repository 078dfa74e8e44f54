package org.roundtable.sfu.rtcp;

/**
 * Sender report, PT 200 (RFC 3550 section 6.4.1): sender SSRC, 64-bit NTP timestamp, RTP
 * timestamp, packet and octet counts, then report blocks. Flyweight; confined to the thread
 * owning the buffer. Write it with {@link #write}, then add blocks with {@link ReportBlock#append}.
 */
public final class SenderReport {
    /** Header + sender SSRC + sender info, without report blocks. */
    public static final int LENGTH_WITHOUT_BLOCKS = 28;

    private byte[] buf;
    private int off;
    private int len;
    private final ReportBlock block = new ReportBlock();

    public SenderReport wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    /** Version 2, PT 200, its length fits in the wrapped bytes and holds its report blocks. */
    public boolean isValid() {
        if (!RtcpHeader.fits(buf, off, len, RtcpHeader.SR, LENGTH_WITHOUT_BLOCKS)) {
            return false;
        }
        int content = RtcpHeader.contentLength(buf, off);
        return content >= size(reportCount());
    }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    /** The full 64-bit NTP timestamp (32.32 fixed point seconds since 1900). */
    public long ntpTimestamp() { return (RtcpHeader.readUint32(buf, off + 8) << 32) | RtcpHeader.readUint32(buf, off + 12); }
    /** Middle 32 bits of the NTP timestamp, as echoed in LSR of report blocks. */
    public long ntpMiddle32() { return (ntpTimestamp() >>> 16) & 0xFFFFFFFFL; }
    public long rtpTimestamp() { return RtcpHeader.readUint32(buf, off + 16); }
    public long packetCount() { return RtcpHeader.readUint32(buf, off + 20); }
    public long octetCount() { return RtcpHeader.readUint32(buf, off + 24); }
    public int reportCount() { return RtcpHeader.count(buf, off); }

    /** View of report block {@code i}; the returned flyweight is reused by the next call. */
    public ReportBlock reportBlock(int i) { return block.wrap(buf, off + LENGTH_WITHOUT_BLOCKS + i * ReportBlock.LENGTH); }

    public static int size(int reportBlocks) { return LENGTH_WITHOUT_BLOCKS + reportBlocks * ReportBlock.LENGTH; }

    /** Writes an SR without report blocks. Returns 28. */
    public static int write(byte[] b, int off, long senderSsrc, long ntpTimestamp, long rtpTimestamp,
                            long packetCount, long octetCount) {
        RtcpHeader.write(b, off, 0, RtcpHeader.SR, LENGTH_WITHOUT_BLOCKS);
        RtcpHeader.writeUint32(b, off + 4, senderSsrc);
        RtcpHeader.writeUint32(b, off + 8, ntpTimestamp >>> 32);
        RtcpHeader.writeUint32(b, off + 12, ntpTimestamp);
        RtcpHeader.writeUint32(b, off + 16, rtpTimestamp);
        RtcpHeader.writeUint32(b, off + 20, packetCount);
        RtcpHeader.writeUint32(b, off + 24, octetCount);
        return LENGTH_WITHOUT_BLOCKS;
    }
}
