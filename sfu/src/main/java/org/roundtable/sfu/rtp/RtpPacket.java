package org.roundtable.sfu.rtp;

/**
 * Flyweight view of an RTP packet (RFC 3550) over {@code byte[] + offset + length}, with
 * RFC 8285 one-byte (0xBEDE) and two-byte (0x100X) header extensions.
 * {@link #wrap} re-points it, so one instance serves every packet of a thread: confined to the
 * thread that owns the packet it wraps. Getters do not validate; call {@link #isValid()} once
 * on untrusted input before reading anything beyond the fixed 12-byte header.
 */
public final class RtpPacket {
    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    public static final int TWO_BYTE_PROFILE = 0x1000;
    /** Profile mask for the two-byte form: the low 4 bits are "appbits" (RFC 8285 section 4.3). */
    private static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;

    private byte[] buf;
    private int off;
    private int len;

    /** Re-points this view; does no validation. */
    public RtpPacket wrap(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        return this;
    }

    /** Version 2, at least 12 bytes, and a payload type outside 64..95 (those are RTCP under rtcp-mux, RFC 5761). */
    public static boolean looksLikeRtp(byte[] b, int off, int len) {
        if (b == null || len < FIXED_HEADER_LENGTH || off < 0 || off + len > b.length) {
            return false;
        }
        int pt = b[off + 1] & 0x7F;
        return (b[off] & 0xC0) == 0x80 && (pt < 64 || pt > 95);
    }

    /** Version 2, at least a 4-byte header, and second byte 192..223 (RFC 5761). */
    public static boolean looksLikeRtcp(byte[] b, int off, int len) {
        if (b == null || len < 4 || off < 0 || off + len > b.length) {
            return false;
        }
        int second = b[off + 1] & 0xFF;
        return (b[off] & 0xC0) == 0x80 && second >= 192 && second <= 223;
    }

    /** Header, CSRCs, extension block, extension elements and padding all fit in the length. */
    public boolean isValid() {
        if (buf == null || off < 0 || len < FIXED_HEADER_LENGTH || off + len > buf.length) {
            return false;
        }
        if (version() != 2) {
            return false;
        }
        int fixedAndCsrcs = FIXED_HEADER_LENGTH + 4 * csrcCount();
        if (hasExtensions()) {
            if (fixedAndCsrcs + 4 > len) {
                return false;
            }
            int blockEnd = fixedAndCsrcs + 4 + 4 * readUint16(off + fixedAndCsrcs + 2);
            if (blockEnd > len || !extensionElementsFit()) {
                return false;
            }
        }
        int header = headerLength();
        if (header > len) {
            return false;
        }
        if (hasPadding()) {
            int pad = buf[off + len - 1] & 0xFF;
            return pad >= 1 && pad <= len - header;
        }
        return true;
    }

    public byte[] buffer() { return buf; }
    public int offset() { return off; }
    public int length() { return len; }

    public int version() { return (buf[off] & 0xC0) >>> 6; }
    public boolean hasPadding() { return (buf[off] & 0x20) != 0; }
    public boolean hasExtensions() { return (buf[off] & 0x10) != 0; }
    public int csrcCount() { return buf[off] & 0x0F; }
    public long csrc(int index) { return readUint32(off + FIXED_HEADER_LENGTH + 4 * index); }

    public boolean marker() { return (buf[off + 1] & 0x80) != 0; }

    public void setMarker(boolean m) {
        buf[off + 1] = (byte) (m ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }

    public int payloadType() { return buf[off + 1] & 0x7F; }

    public void setPayloadType(int pt) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (pt & 0x7F));
    }

    public int sequenceNumber() { return readUint16(off + 2); }

    public void setSequenceNumber(int seq) {
        buf[off + 2] = (byte) (seq >>> 8);
        buf[off + 3] = (byte) seq;
    }

    public long timestamp() { return readUint32(off + 4); }
    public void setTimestamp(long ts) { writeUint32(buf, off + 4, ts); }
    public long ssrc() { return readUint32(off + 8); }
    public void setSsrc(long ssrc) { writeUint32(buf, off + 8, ssrc); }

    /** Fixed header + CSRCs + extension block (its 4-byte header and data). */
    public int headerLength() {
        int h = FIXED_HEADER_LENGTH + 4 * csrcCount();
        if (hasExtensions()) {
            h += 4 + 4 * readUint16(off + h + 2);
        }
        return h;
    }

    /** Absolute offset of the payload in {@link #buffer()}. */
    public int payloadOffset() { return off + headerLength(); }

    /** Payload length, excluding RTP padding. */
    public int payloadLength() { return len - headerLength() - paddingLength(); }

    public int paddingLength() { return hasPadding() ? buf[off + len - 1] & 0xFF : 0; }

    /** 0xBEDE for one-byte, 0x100X for two-byte (X = appbits), the raw profile otherwise, -1 without extensions. */
    public int extensionProfile() {
        if (!hasExtensions()) {
            return -1;
        }
        return readUint16(off + FIXED_HEADER_LENGTH + 4 * csrcCount());
    }

    /** True if the extension block uses the one-byte form; false for two-byte, unknown or none. */
    public boolean isOneByteExtensions() { return extensionProfile() == ONE_BYTE_PROFILE; }

    public boolean isTwoByteExtensions() {
        int p = extensionProfile();
        return p >= 0 && (p & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE;
    }

    /** Absolute offset of the data of extension {@code id}, or -1; length via {@link #extensionLength}. */
    public int findExtension(int id) {
        int el = findElement(id);
        if (el < 0) {
            return -1;
        }
        return isOneByteExtensions() ? el + 1 : el + 2;
    }

    /** Data length of extension {@code id}, or -1 if absent. */
    public int extensionLength(int id) {
        int el = findElement(id);
        if (el < 0) {
            return -1;
        }
        return isOneByteExtensions() ? (buf[el] & 0x0F) + 1 : buf[el + 1] & 0xFF;
    }

    /**
     * Rewrites every extension id through {@code map[oldId]} (new id, or 0 = drop: the element is
     * overwritten with padding bytes). In place, no allocation. Ids beyond the map are dropped;
     * in the one-byte form a new id above 14 cannot be expressed and is dropped too.
     */
    public void remapExtensionIds(byte[] map) {
        boolean oneByte = isOneByteExtensions();
        for (int e = nextElement(-1); e >= 0; ) {
            int id = elementId(e, oneByte);
            int elementEnd = elementDataOffset(e) + elementDataLength(e);
            int newId = id < map.length ? map[id] & 0xFF : 0;
            if (oneByte && newId > 14) {
                newId = 0;
            }
            if (newId == 0) {
                for (int i = e; i < elementEnd; i++) {
                    buf[i] = 0;
                }
            } else if (oneByte) {
                buf[e] = (byte) ((newId << 4) | (buf[e] & 0x0F));
            } else {
                buf[e] = (byte) newId;
            }
            e = nextElement(elementEnd);
        }
    }

    /**
     * Cursor over the extension elements: returns the absolute offset of the first element at or
     * after {@code from} (pass -1 to start), or -1 at the end. Read it with
     * {@link #elementId(int)}, {@link #elementDataOffset(int)}, {@link #elementDataLength(int)};
     * continue with {@code nextElement(elementDataOffset(e) + elementDataLength(e))}.
     */
    public int nextElement(int from) {
        boolean oneByte = isOneByteExtensions();
        if (!oneByte && !isTwoByteExtensions()) {
            return -1;
        }
        int dataStart = extensionDataStart();
        int end = dataStart + extensionDataLength();
        int p = from < 0 ? dataStart : from;
        while (p < end) {
            int id = elementId(p, oneByte);
            if (id == 0) {
                p++;
                continue;
            }
            if (oneByte && id == 15) {
                return -1;
            }
            return elementEnd(p, oneByte, end) < 0 ? -1 : p;
        }
        return -1;
    }

    public int elementId(int element) { return elementId(element, isOneByteExtensions()); }

    public int elementDataOffset(int element) { return isOneByteExtensions() ? element + 1 : element + 2; }

    public int elementDataLength(int element) {
        return isOneByteExtensions() ? (buf[element] & 0x0F) + 1 : buf[element + 1] & 0xFF;
    }

    /** Absolute offset of the extension data (after the 4-byte profile/length word). */
    public int extensionDataStart() { return off + FIXED_HEADER_LENGTH + 4 * csrcCount() + 4; }

    /** Length in bytes of the extension data, 0 without extensions. */
    public int extensionDataLength() {
        if (!hasExtensions()) {
            return 0;
        }
        return 4 * readUint16(off + FIXED_HEADER_LENGTH + 4 * csrcCount() + 2);
    }

    private int findElement(int id) {
        if (id <= 0) {
            return -1;
        }
        for (int e = nextElement(-1); e >= 0; e = nextElement(elementDataOffset(e) + elementDataLength(e))) {
            if (elementId(e) == id) {
                return e;
            }
        }
        return -1;
    }

    private boolean extensionElementsFit() {
        boolean oneByte = isOneByteExtensions();
        if (!oneByte && !isTwoByteExtensions()) {
            return true; // an unknown profile is opaque: only its block length matters
        }
        int dataStart = extensionDataStart();
        int end = dataStart + extensionDataLength();
        int p = dataStart;
        while (p < end) {
            int id = elementId(p, oneByte);
            if (id == 0) {
                p++;
                continue;
            }
            if (oneByte && id == 15) {
                return true;
            }
            int elementEnd = elementEnd(p, oneByte, end);
            if (elementEnd < 0) {
                return false;
            }
            p = elementEnd;
        }
        return true;
    }

    private int elementId(int p, boolean oneByte) {
        return oneByte ? (buf[p] & 0xF0) >>> 4 : buf[p] & 0xFF;
    }

    /** End of the element at {@code p}, or -1 if it overruns {@code blockEnd}. */
    private int elementEnd(int p, boolean oneByte, int blockEnd) {
        int e;
        if (oneByte) {
            e = p + 1 + (buf[p] & 0x0F) + 1;
        } else {
            if (p + 2 > blockEnd) {
                return -1;
            }
            e = p + 2 + (buf[p + 1] & 0xFF);
        }
        return e <= blockEnd ? e : -1;
    }

    private int readUint16(int p) { return ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF); }

    private long readUint32(int p) {
        return ((long) (buf[p] & 0xFF) << 24) | ((buf[p + 1] & 0xFF) << 16)
                | ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
    }

    static void writeUint32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
