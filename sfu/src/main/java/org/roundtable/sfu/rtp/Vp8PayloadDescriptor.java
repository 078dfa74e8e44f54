package org.roundtable.sfu.rtp;

/**
 * Flyweight over the VP8 RTP payload descriptor (RFC 7741 section 4.2) at the start of an RTP
 * payload, plus the few fields of the VP8 payload header (RFC 6386) the SFU needs: keyframe flag
 * and, on keyframes, the frame size. Setters rewrite picture id and TL0PICIDX in place (layer
 * switching keeps one continuous numbering per receiver). Confined to the thread owning the packet.
 */
public final class Vp8PayloadDescriptor {
    /** Largest descriptor: 1 + 1 (X) + 2 (I, 15 bit) + 1 (L) + 1 (T/K). */
    public static final int MAX_LENGTH = 6;

    private byte[] buf;
    private int off;
    private int len;
    private int descriptorLength;
    private int pictureIdOffset;
    private int tl0Offset;
    private int tidOffset;

    /** Re-points and parses; check {@link #isValid()} before using the getters. */
    public Vp8PayloadDescriptor wrap(byte[] b, int payloadOff, int payloadLen) {
        this.buf = b;
        this.off = payloadOff;
        this.len = payloadLen;
        parse();
        return this;
    }

    private void parse() {
        descriptorLength = -1;
        pictureIdOffset = -1;
        tl0Offset = -1;
        tidOffset = -1;
        if (buf == null || len < 1 || off < 0 || off + len > buf.length) {
            return;
        }
        int p = off + 1;
        int end = off + len;
        if ((buf[off] & 0x80) != 0) {
            if (p >= end) {
                return;
            }
            int x = buf[p++] & 0xFF;
            if ((x & 0x80) != 0) {
                if (p >= end) {
                    return;
                }
                pictureIdOffset = p;
                p += (buf[p] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) {
                tl0Offset = p;
                p++;
            }
            if ((x & 0x30) != 0) {
                tidOffset = p;
                p++;
            }
            if (p > end) {
                pictureIdOffset = -1;
                tl0Offset = -1;
                tidOffset = -1;
                return;
            }
        }
        descriptorLength = p - off;
    }

    /** The descriptor fits in the payload (a payload of only a descriptor is valid, if odd). */
    public boolean isValid() { return descriptorLength > 0; }

    public int descriptorLength() { return descriptorLength; }

    public boolean hasExtendedControlBits() { return (buf[off] & 0x80) != 0; }

    /** N bit: the frame is not used as a reference by any other frame. */
    public boolean nonReference() { return (buf[off] & 0x20) != 0; }

    public boolean startOfPartition() { return (buf[off] & 0x10) != 0; }

    public int partitionId() { return buf[off] & 0x07; }

    /** S=1, PID=0 and the P bit of the VP8 payload header is 0. */
    public boolean isKeyframe() {
        if (!isValid() || !startOfPartition() || partitionId() != 0 || descriptorLength >= len) {
            return false;
        }
        return (buf[off + descriptorLength] & 0x01) == 0;
    }

    /** Width from the keyframe header (RFC 6386 section 9.1), or -1 if not a keyframe or too short. */
    public int keyframeWidth() {
        int p = keyframeHeader();
        return p < 0 ? -1 : ((buf[p + 6] & 0xFF) | ((buf[p + 7] & 0xFF) << 8)) & 0x3FFF;
    }

    public int keyframeHeight() {
        int p = keyframeHeader();
        return p < 0 ? -1 : ((buf[p + 8] & 0xFF) | ((buf[p + 9] & 0xFF) << 8)) & 0x3FFF;
    }

    private int keyframeHeader() {
        if (!isKeyframe() || len - descriptorLength < 10) {
            return -1;
        }
        int p = off + descriptorLength;
        boolean startCode = (buf[p + 3] & 0xFF) == 0x9D && (buf[p + 4] & 0xFF) == 0x01 && (buf[p + 5] & 0xFF) == 0x2A;
        return startCode ? p : -1;
    }

    public boolean hasPictureId() { return pictureIdOffset >= 0; }

    public boolean hasFifteenBitPictureId() {
        return pictureIdOffset >= 0 && (buf[pictureIdOffset] & 0x80) != 0;
    }

    /** 7- or 15-bit picture id, -1 if absent. */
    public int pictureId() {
        if (pictureIdOffset < 0) {
            return -1;
        }
        if ((buf[pictureIdOffset] & 0x80) != 0) {
            return ((buf[pictureIdOffset] & 0x7F) << 8) | (buf[pictureIdOffset + 1] & 0xFF);
        }
        return buf[pictureIdOffset] & 0x7F;
    }

    /** Rewrites the picture id, keeping its width (the value is truncated to 7 or 15 bits). No-op if absent. */
    public void setPictureId(int id) {
        if (pictureIdOffset < 0) {
            return;
        }
        if ((buf[pictureIdOffset] & 0x80) != 0) {
            buf[pictureIdOffset] = (byte) (0x80 | ((id >>> 8) & 0x7F));
            buf[pictureIdOffset + 1] = (byte) id;
        } else {
            buf[pictureIdOffset] = (byte) (id & 0x7F);
        }
    }

    public boolean hasTl0PicIdx() { return tl0Offset >= 0; }

    /** TL0PICIDX, -1 if absent. */
    public int tl0PicIdx() { return tl0Offset < 0 ? -1 : buf[tl0Offset] & 0xFF; }

    /** No-op if absent. */
    public void setTl0PicIdx(int v) {
        if (tl0Offset >= 0) {
            buf[tl0Offset] = (byte) v;
        }
    }

    /** TID, -1 if the T bit is not set. */
    public int temporalLayer() {
        if (tidOffset < 0 || (buf[off + 1] & 0x20) == 0) {
            return -1;
        }
        return (buf[tidOffset] & 0xC0) >>> 6;
    }

    /** Y bit (layer sync); false if T is absent. */
    public boolean layerSync() {
        return tidOffset >= 0 && (buf[off + 1] & 0x20) != 0 && (buf[tidOffset] & 0x20) != 0;
    }

    /** KEYIDX, -1 if the K bit is not set. */
    public int keyIndex() {
        if (tidOffset < 0 || (buf[off + 1] & 0x10) == 0) {
            return -1;
        }
        return buf[tidOffset] & 0x1F;
    }
}
