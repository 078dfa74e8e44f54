package org.roundtable.sfu.rtcp;

/**
 * Picture loss indication, PSFB (PT 206) FMT 1 (RFC 4585 section 6.3.1): sender SSRC and media
 * SSRC, no FCI. Flyweight; confined to the thread owning the buffer.
 */
public final class Pli {
    public static final int FMT = 1;
    public static final int LENGTH = 12;

    private byte[] buf;
    private int off;
    private int len;

    public Pli wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    public static boolean matches(byte[] b, int off) {
        return RtcpHeader.packetType(b, off) == RtcpHeader.PSFB && RtcpHeader.fmt(b, off) == FMT;
    }

    public boolean isValid() {
        return RtcpHeader.fits(buf, off, len, RtcpHeader.PSFB, LENGTH) && RtcpHeader.fmt(buf, off) == FMT;
    }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    public long mediaSsrc() { return RtcpHeader.readUint32(buf, off + 8); }

    public static int size() { return LENGTH; }

    public static int write(byte[] b, int off, long senderSsrc, long mediaSsrc) {
        RtcpHeader.write(b, off, FMT, RtcpHeader.PSFB, LENGTH);
        RtcpHeader.writeUint32(b, off + 4, senderSsrc);
        RtcpHeader.writeUint32(b, off + 8, mediaSsrc);
        return LENGTH;
    }
}
