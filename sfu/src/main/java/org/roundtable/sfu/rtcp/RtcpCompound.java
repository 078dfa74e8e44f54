package org.roundtable.sfu.rtcp;

/**
 * A compound RTCP datagram (RFC 3550 section 6.1): packets back to back, each with a length that
 * must fit, all version 2, padding only on the last. Either iterate with the reusable cursor
 * ({@link #wrap}, {@link #next}) or call {@link #forEach}. The whole datagram is checked before
 * anything is visited, so a visitor never sees the first half of a broken compound.
 * Confined to the thread owning the datagram.
 */
public final class RtcpCompound {
    private byte[] buf;
    private int start;
    private int end;
    private int packetOff;
    private int packetLen;
    private boolean valid;

    /** Re-points the cursor and validates the whole compound. */
    public RtcpCompound wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.start = off;
        this.end = off + len;
        this.packetOff = -1;
        this.packetLen = 0;
        this.valid = count(b, off, len) > 0;
        return this;
    }

    public boolean isValid() { return valid; }

    /** Advances to the next packet; false at the end or if the compound is invalid. */
    public boolean next() {
        if (!valid) {
            return false;
        }
        int nextOff = packetOff < 0 ? start : packetOff + packetLen;
        if (nextOff >= end) {
            return false;
        }
        packetOff = nextOff;
        packetLen = RtcpHeader.byteLength(buf, packetOff);
        return true;
    }

    public byte[] buffer() { return buf; }
    public int packetOffset() { return packetOff; }
    public int packetLength() { return packetLen; }
    public int packetType() { return RtcpHeader.packetType(buf, packetOff); }
    public int countOrFmt() { return RtcpHeader.count(buf, packetOff); }

    /**
     * Number of packets in a well-formed compound, or -1 if any header is not version 2, a
     * length overruns the datagram or leaves trailing bytes, padding appears before the last
     * packet or its count is impossible, or the datagram is empty.
     */
    public static int count(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < RtcpHeader.LENGTH || off + len > b.length || (len & 3) != 0) {
            return -1;
        }
        int end = off + len;
        int p = off;
        int n = 0;
        while (p < end) {
            if (end - p < RtcpHeader.LENGTH || RtcpHeader.version(b, p) != 2) {
                return -1;
            }
            int packetLen = RtcpHeader.byteLength(b, p);
            if (packetLen > end - p) {
                return -1;
            }
            if (RtcpHeader.padding(b, p) && (p + packetLen != end || RtcpHeader.contentLength(b, p) < 0)) {
                return -1;
            }
            p += packetLen;
            n++;
        }
        return n;
    }

    /** Visits every packet of a well-formed compound. Returns the number visited, or -1 (nothing visited) if malformed. */
    public static int forEach(byte[] b, int off, int len, RtcpVisitor v) {
        int n = count(b, off, len);
        if (n < 0) {
            return -1;
        }
        int p = off;
        for (int i = 0; i < n; i++) {
            int packetLen = RtcpHeader.byteLength(b, p);
            v.onPacket(b, p, packetLen, RtcpHeader.packetType(b, p), RtcpHeader.count(b, p));
            p += packetLen;
        }
        return n;
    }
}
