package org.roundtable.sfu.rtcp;

/**
 * Receiver estimated maximum bitrate, PSFB (PT 206) FMT 15 (draft-alvestrand-rmcat-remb-03):
 * sender SSRC, media SSRC 0, "REMB", SSRC count, bitrate as 6-bit exponent and 18-bit mantissa
 * (bps = mantissa * 2^exp), then the SSRCs it applies to. Flyweight; confined to the thread
 * owning the buffer.
 */
public final class Remb {
    public static final int FMT = 15;
    public static final int HEADER_LENGTH = 20;
    private static final int IDENTIFIER = 0x52454D42; // "REMB"
    private static final long MAX_MANTISSA = (1 << 18) - 1;

    private byte[] buf;
    private int off;
    private int len;

    public Remb wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    /** PSFB FMT 15 with the "REMB" identifier (other application-layer feedback shares FMT 15). */
    public static boolean matches(byte[] b, int off, int len) {
        return len >= HEADER_LENGTH && RtcpHeader.packetType(b, off) == RtcpHeader.PSFB
                && RtcpHeader.fmt(b, off) == FMT && RtcpHeader.readUint32(b, off + 12) == IDENTIFIER;
    }

    public boolean isValid() {
        return RtcpHeader.fits(buf, off, len, RtcpHeader.PSFB, HEADER_LENGTH) && matches(buf, off, len)
                && RtcpHeader.contentLength(buf, off) >= HEADER_LENGTH + 4 * ssrcCount();
    }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    public int ssrcCount() { return buf[off + 16] & 0xFF; }
    public int exponent() { return (buf[off + 17] & 0xFC) >>> 2; }
    public int mantissa() { return ((buf[off + 17] & 0x03) << 16) | RtcpHeader.readUint16(buf, off + 18); }

    /** Bits per second; saturates at Long.MAX_VALUE for absurd exponents. */
    public long bitrate() {
        int exp = exponent();
        long m = mantissa();
        if (exp > 63 - 18) {
            return m == 0 ? 0 : Long.MAX_VALUE;
        }
        return m << exp;
    }

    public long ssrc(int i) { return RtcpHeader.readUint32(buf, off + HEADER_LENGTH + 4 * i); }

    public static int size(int ssrcCount) { return HEADER_LENGTH + 4 * ssrcCount; }

    /** Writes a REMB for the first {@code n} (0..255) of {@code ssrcs}; the bitrate is rounded down to 18 significant bits. */
    public static int write(byte[] b, int off, long senderSsrc, long bitrateBps, long[] ssrcs, int n) {
        if (n < 0 || n > 255 || bitrateBps < 0) {
            throw new IllegalArgumentException("REMB takes 0..255 SSRCs and a non-negative bitrate");
        }
        int exp = 0;
        long mantissa = bitrateBps;
        while (mantissa > MAX_MANTISSA) {
            mantissa >>>= 1;
            exp++;
        }
        int size = size(n);
        RtcpHeader.write(b, off, FMT, RtcpHeader.PSFB, size);
        RtcpHeader.writeUint32(b, off + 4, senderSsrc);
        RtcpHeader.writeUint32(b, off + 8, 0);
        RtcpHeader.writeUint32(b, off + 12, IDENTIFIER);
        b[off + 16] = (byte) n;
        b[off + 17] = (byte) ((exp << 2) | (int) (mantissa >>> 16));
        RtcpHeader.writeUint16(b, off + 18, (int) mantissa);
        for (int i = 0; i < n; i++) {
            RtcpHeader.writeUint32(b, off + HEADER_LENGTH + 4 * i, ssrcs[i]);
        }
        return size;
    }
}
