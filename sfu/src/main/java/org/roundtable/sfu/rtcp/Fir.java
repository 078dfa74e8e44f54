package org.roundtable.sfu.rtcp;

/**
 * Full intra request, PSFB (PT 206) FMT 4 (RFC 5104 section 4.3.1): sender SSRC, media SSRC 0,
 * then FCI entries of target SSRC + command sequence number (+ 3 reserved bytes). The sequence
 * number must increase per new request to the same target, so the sender keeps it. Flyweight;
 * confined to the thread owning the buffer.
 */
public final class Fir {
    public static final int FMT = 4;
    public static final int HEADER_LENGTH = 12;
    public static final int FCI_LENGTH = 8;

    private byte[] buf;
    private int off;
    private int len;

    public Fir wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    public static boolean matches(byte[] b, int off) {
        return RtcpHeader.packetType(b, off) == RtcpHeader.PSFB && RtcpHeader.fmt(b, off) == FMT;
    }

    public boolean isValid() {
        return RtcpHeader.fits(buf, off, len, RtcpHeader.PSFB, HEADER_LENGTH + FCI_LENGTH)
                && RtcpHeader.fmt(buf, off) == FMT && RtcpHeader.contentLength(buf, off) >= HEADER_LENGTH + FCI_LENGTH;
    }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    public long mediaSsrc() { return RtcpHeader.readUint32(buf, off + 8); }
    public int entryCount() { return (RtcpHeader.contentLength(buf, off) - HEADER_LENGTH) / FCI_LENGTH; }
    public long ssrc(int i) { return RtcpHeader.readUint32(buf, off + HEADER_LENGTH + FCI_LENGTH * i); }
    public int sequenceNumber(int i) { return buf[off + HEADER_LENGTH + FCI_LENGTH * i + 4] & 0xFF; }

    /** Command sequence number for target {@code ssrc}, or -1 if this FIR does not address it. */
    public int sequenceNumberFor(long ssrc) {
        for (int i = 0; i < entryCount(); i++) {
            if (ssrc(i) == ssrc) {
                return sequenceNumber(i);
            }
        }
        return -1;
    }

    public static int size() { return HEADER_LENGTH + FCI_LENGTH; }

    /** Writes a FIR with one entry. Returns 20. */
    public static int write(byte[] b, int off, long senderSsrc, long targetSsrc, int sequenceNumber) {
        int size = size();
        RtcpHeader.write(b, off, FMT, RtcpHeader.PSFB, size);
        RtcpHeader.writeUint32(b, off + 4, senderSsrc);
        RtcpHeader.writeUint32(b, off + 8, 0);
        RtcpHeader.writeUint32(b, off + 12, targetSsrc);
        b[off + 16] = (byte) sequenceNumber;
        b[off + 17] = 0;
        b[off + 18] = 0;
        b[off + 19] = 0;
        return size;
    }
}
