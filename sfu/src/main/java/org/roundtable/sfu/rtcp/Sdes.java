package org.roundtable.sfu.rtcp;

import java.nio.charset.StandardCharsets;

/**
 * Source description, PT 202 (RFC 3550 section 6.5): chunks of SSRC + items (type, length,
 * UTF-8 text), each chunk ended by a zero byte and padded to 32 bits. Flyweight; the item
 * lookups return offsets, only {@link #cname(int)} allocates (a String). Confined to the thread
 * owning the buffer.
 */
public final class Sdes {
    public static final int CNAME = 1;
    public static final int MAX_ITEM_LENGTH = 255;

    private byte[] buf;
    private int off;
    private int len;

    public Sdes wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    /** Every announced chunk is present and each item list ends inside the packet. */
    public boolean isValid() {
        if (!RtcpHeader.fits(buf, off, len, RtcpHeader.SDES, RtcpHeader.LENGTH)) {
            return false;
        }
        int end = off + RtcpHeader.contentLength(buf, off);
        if (end < off + RtcpHeader.LENGTH) {
            return false;
        }
        int p = off + RtcpHeader.LENGTH;
        for (int i = 0; i < chunkCount(); i++) {
            p = chunkEnd(p, end);
            if (p < 0) {
                return false;
            }
        }
        return true;
    }

    public int chunkCount() { return RtcpHeader.count(buf, off); }

    /** SSRC/CSRC of chunk {@code chunk}. Requires {@link #isValid()}. */
    public long ssrc(int chunk) { return RtcpHeader.readUint32(buf, chunkOffset(chunk)); }

    /** Absolute offset of the text of item {@code itemType} in chunk {@code chunk}, or -1. Requires {@link #isValid()}. */
    public int findItem(int chunk, int itemType) {
        int p = chunkOffset(chunk) + 4;
        while (buf[p] != 0) {
            if ((buf[p] & 0xFF) == itemType) {
                return p + 2;
            }
            p += 2 + (buf[p + 1] & 0xFF);
        }
        return -1;
    }

    /** Text length of item {@code itemType} in chunk {@code chunk}, or -1. */
    public int itemLength(int chunk, int itemType) {
        int p = findItem(chunk, itemType);
        return p < 0 ? -1 : buf[p - 1] & 0xFF;
    }

    /** CNAME of chunk {@code chunk}, or null if it has none. Allocates. */
    public String cname(int chunk) {
        int p = findItem(chunk, CNAME);
        return p < 0 ? null : new String(buf, p, buf[p - 1] & 0xFF, StandardCharsets.UTF_8);
    }

    private int chunkOffset(int chunk) {
        int end = off + RtcpHeader.byteLength(buf, off);
        int p = off + RtcpHeader.LENGTH;
        for (int i = 0; i < chunk; i++) {
            p = chunkEnd(p, end);
        }
        return p;
    }

    /** Offset after the chunk at {@code p} (after its null item and padding), or -1 if it overruns. */
    private int chunkEnd(int p, int end) {
        if (p + 4 > end) {
            return -1;
        }
        int q = p + 4;
        while (true) {
            if (q >= end) {
                return -1;
            }
            if (buf[q] == 0) {
                break;
            }
            if (q + 2 > end) {
                return -1;
            }
            q += 2 + (buf[q + 1] & 0xFF);
        }
        q++; // the terminating null item
        int padded = (q - off + 3) & ~3;
        return off + padded <= end ? off + padded : -1;
    }

    /** Size of an SDES packet with one chunk carrying a CNAME of {@code cnameLength} bytes. */
    public static int size(int cnameLength) {
        return RtcpHeader.LENGTH + chunkSize(cnameLength);
    }

    private static int chunkSize(int cnameLength) {
        return (4 + 2 + cnameLength + 1 + 3) & ~3;
    }

    /** Writes an SDES packet with one chunk: {@code ssrc} and its CNAME (at most 255 bytes of UTF-8). Returns its size. */
    public static int write(byte[] b, int off, long ssrc, byte[] cnameUtf8) {
        if (cnameUtf8.length > MAX_ITEM_LENGTH) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        int size = size(cnameUtf8.length);
        RtcpHeader.write(b, off, 1, RtcpHeader.SDES, size);
        RtcpHeader.writeUint32(b, off + 4, ssrc);
        b[off + 8] = CNAME;
        b[off + 9] = (byte) cnameUtf8.length;
        System.arraycopy(cnameUtf8, 0, b, off + 10, cnameUtf8.length);
        for (int p = off + 10 + cnameUtf8.length; p < off + size; p++) {
            b[p] = 0; // null item, then padding
        }
        return size;
    }
}
