package org.roundtable.sfu.rtcp;

/**
 * The common RTCP header (RFC 3550 section 6.4): V, P, count/FMT, packet type, length in 32-bit
 * words minus one, and the sender SSRC that follows it in every message we handle. Static
 * accessors over {@code byte[] + offset}; stateless. Also the shared big-endian helpers.
 */
public final class RtcpHeader {
    public static final int LENGTH = 4;
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    /** Transport-layer feedback (RFC 4585): generic NACK, transport-cc. */
    public static final int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585): PLI, FIR, REMB. */
    public static final int PSFB = 206;
    public static final int XR = 207;

    private RtcpHeader() {
    }

    public static int version(byte[] b, int off) { return (b[off] & 0xC0) >>> 6; }
    public static boolean padding(byte[] b, int off) { return (b[off] & 0x20) != 0; }
    /** Report count, source count or feedback message type, by packet type. */
    public static int count(byte[] b, int off) { return b[off] & 0x1F; }
    public static int fmt(byte[] b, int off) { return b[off] & 0x1F; }
    public static int packetType(byte[] b, int off) { return b[off + 1] & 0xFF; }
    public static int lengthWords(byte[] b, int off) { return readUint16(b, off + 2); }
    /** Length of the whole packet including this header: (lengthWords + 1) * 4. */
    public static int byteLength(byte[] b, int off) { return (lengthWords(b, off) + 1) * 4; }
    public static long senderSsrc(byte[] b, int off) { return readUint32(b, off + 4); }

    /** Writes V=2, no padding, count/fmt, type and the length for a packet of {@code byteLength} bytes (a multiple of 4). Returns 4. */
    public static int write(byte[] b, int off, int countOrFmt, int packetType, int byteLength) {
        b[off] = (byte) (0x80 | (countOrFmt & 0x1F));
        b[off + 1] = (byte) packetType;
        writeUint16(b, off + 2, byteLength / 4 - 1);
        return LENGTH;
    }

    static int readUint16(byte[] b, int p) { return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF); }

    static int readUint24(byte[] b, int p) {
        return ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
    }

    static long readUint32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    static void writeUint16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    static void writeUint24(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 16);
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) v;
    }

    static void writeUint32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    /** Basic checks every message parser shares: bounds, version 2, expected type, header length fits. */
    static boolean fits(byte[] b, int off, int len, int packetType, int minLength) {
        if (b == null || off < 0 || len < minLength || len < LENGTH || off + len > b.length) {
            return false;
        }
        return version(b, off) == 2 && packetType(b, off) == packetType && byteLength(b, off) <= len
                && byteLength(b, off) >= minLength;
    }

    /** Bytes of the packet excluding RTCP padding, or -1 if the padding count is impossible. */
    static int contentLength(byte[] b, int off) {
        int total = byteLength(b, off);
        if (!padding(b, off)) {
            return total;
        }
        int pad = b[off + total - 1] & 0xFF;
        return pad >= 1 && pad <= total - LENGTH ? total - pad : -1;
    }
}
