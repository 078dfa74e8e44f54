package org.roundtable.sfu.rtcp;

import java.nio.charset.StandardCharsets;

/**
 * Goodbye, PT 203 (RFC 3550 section 6.6): SSRC/CSRC list and an optional reason. Flyweight;
 * only {@link #reason()} allocates. Confined to the thread owning the buffer.
 */
public final class Bye {
    private byte[] buf;
    private int off;
    private int len;

    public Bye wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    public boolean isValid() {
        if (!RtcpHeader.fits(buf, off, len, RtcpHeader.BYE, RtcpHeader.LENGTH)) {
            return false;
        }
        int content = RtcpHeader.contentLength(buf, off);
        int listEnd = RtcpHeader.LENGTH + 4 * ssrcCount();
        if (content < listEnd) {
            return false;
        }
        return content == listEnd || listEnd + 1 + (buf[off + listEnd] & 0xFF) <= content;
    }

    public int ssrcCount() { return RtcpHeader.count(buf, off); }
    public long ssrc(int i) { return RtcpHeader.readUint32(buf, off + RtcpHeader.LENGTH + 4 * i); }

    public boolean hasReason() {
        return RtcpHeader.contentLength(buf, off) > RtcpHeader.LENGTH + 4 * ssrcCount();
    }

    /** The reason text, or null. Allocates. */
    public String reason() {
        if (!hasReason()) {
            return null;
        }
        int p = off + RtcpHeader.LENGTH + 4 * ssrcCount();
        return new String(buf, p + 1, buf[p] & 0xFF, StandardCharsets.UTF_8);
    }

    /** Size of a BYE with {@code ssrcCount} sources and a reason of {@code reasonLength} bytes (-1 or 0: none). */
    public static int size(int ssrcCount, int reasonLength) {
        int size = RtcpHeader.LENGTH + 4 * ssrcCount;
        return reasonLength > 0 ? size + ((1 + reasonLength + 3) & ~3) : size;
    }

    /** Writes a BYE for the first {@code n} of {@code ssrcs} (at most 31), with an optional reason (null: none, at most 255 bytes). */
    public static int write(byte[] b, int off, long[] ssrcs, int n, byte[] reasonUtf8) {
        if (n < 0 || n > 31 || (reasonUtf8 != null && reasonUtf8.length > 255)) {
            throw new IllegalArgumentException("BYE takes up to 31 SSRCs and a reason up to 255 bytes");
        }
        int reasonLength = reasonUtf8 == null ? 0 : reasonUtf8.length;
        int size = size(n, reasonLength);
        RtcpHeader.write(b, off, n, RtcpHeader.BYE, size);
        for (int i = 0; i < n; i++) {
            RtcpHeader.writeUint32(b, off + 4 + 4 * i, ssrcs[i]);
        }
        if (reasonLength > 0) {
            int p = off + 4 + 4 * n;
            b[p] = (byte) reasonLength;
            System.arraycopy(reasonUtf8, 0, b, p + 1, reasonLength);
            for (int q = p + 1 + reasonLength; q < off + size; q++) {
                b[q] = 0;
            }
        }
        return size;
    }
}
