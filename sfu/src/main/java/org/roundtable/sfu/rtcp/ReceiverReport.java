package org.roundtable.sfu.rtcp;

/**
 * Receiver report, PT 201 (RFC 3550 section 6.4.2): sender SSRC then report blocks. Flyweight;
 * confined to the thread owning the buffer. Write with {@link #write}, add blocks with
 * {@link ReportBlock#append}.
 */
public final class ReceiverReport {
    public static final int LENGTH_WITHOUT_BLOCKS = 8;

    private byte[] buf;
    private int off;
    private int len;
    private final ReportBlock block = new ReportBlock();

    public ReceiverReport wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    public boolean isValid() {
        if (!RtcpHeader.fits(buf, off, len, RtcpHeader.RR, LENGTH_WITHOUT_BLOCKS)) {
            return false;
        }
        return RtcpHeader.contentLength(buf, off) >= size(reportCount());
    }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    public int reportCount() { return RtcpHeader.count(buf, off); }

    /** View of report block {@code i}; the returned flyweight is reused by the next call. */
    public ReportBlock reportBlock(int i) { return block.wrap(buf, off + LENGTH_WITHOUT_BLOCKS + i * ReportBlock.LENGTH); }

    public static int size(int reportBlocks) { return LENGTH_WITHOUT_BLOCKS + reportBlocks * ReportBlock.LENGTH; }

    /** Writes an RR without report blocks. Returns 8. */
    public static int write(byte[] b, int off, long senderSsrc) {
        RtcpHeader.write(b, off, 0, RtcpHeader.RR, LENGTH_WITHOUT_BLOCKS);
        RtcpHeader.writeUint32(b, off + 4, senderSsrc);
        return LENGTH_WITHOUT_BLOCKS;
    }
}
