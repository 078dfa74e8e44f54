package org.roundtable.sfu.rtp;

/**
 * RTX retransmission payload format (RFC 4588): the RTX payload is the original sequence number
 * (OSN, 2 bytes) followed by the original payload; header and extensions are the original's.
 * Stateless; both operations work on caller-owned buffers without allocation.
 */
public final class Rtx {
    public static final int OSN_LENGTH = 2;

    private Rtx() {
    }

    /**
     * Writes into dst an RTX packet for original {@code orig}: header (CSRCs, extensions) copied,
     * payload type, SSRC and sequence number replaced, OSN inserted, payload copied. The
     * original's RTP padding is not carried over. Returns the length, or -1 if {@code orig} is
     * invalid or dst is too small. {@code dst} may be the original's own buffer at the same
     * offset (in place: the packet grows by 2 bytes into its tail room); other overlaps are not
     * supported.
     */
    public static int encapsulate(RtpPacket orig, int rtxPt, long rtxSsrc, int rtxSeq, byte[] dst, int dstOff) {
        if (!orig.isValid()) {
            return -1;
        }
        int header = orig.headerLength();
        int payload = orig.payloadLength();
        int total = header + OSN_LENGTH + payload;
        if (dstOff < 0 || dstOff + total > dst.length) {
            return -1;
        }
        byte[] src = orig.buffer();
        int srcOff = orig.offset();
        int osn = orig.sequenceNumber();
        // Payload first: if dst overlaps the original's buffer behind it, the header is still intact.
        System.arraycopy(src, srcOff + header, dst, dstOff + header + OSN_LENGTH, payload);
        System.arraycopy(src, srcOff, dst, dstOff, header);
        dst[dstOff] = (byte) (dst[dstOff] & ~0x20); // no padding carried over
        dst[dstOff + header] = (byte) (osn >>> 8);
        dst[dstOff + header + 1] = (byte) osn;
        dst[dstOff + 1] = (byte) ((dst[dstOff + 1] & 0x80) | (rtxPt & 0x7F));
        dst[dstOff + 2] = (byte) (rtxSeq >>> 8);
        dst[dstOff + 3] = (byte) rtxSeq;
        RtpPacket.writeUint32(dst, dstOff + 8, rtxSsrc);
        return total;
    }

    /** The OSN of a valid RTX packet, or -1 if it carries no OSN (e.g. padding-only probes). */
    public static int originalSequenceNumber(RtpPacket rtx) {
        if (!rtx.isValid() || rtx.payloadLength() < OSN_LENGTH) {
            return -1;
        }
        byte[] b = rtx.buffer();
        int p = rtx.payloadOffset();
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    /**
     * In place: turns an RTX packet into the original (reads OSN, removes it, sets pt/ssrc/seq)
     * and re-wraps {@code rtx} over the shorter packet. Returns the new length, or -1 (packet
     * untouched) if it is invalid or has no OSN (padding-only probes).
     */
    public static int decapsulate(RtpPacket rtx, int originalPt, long originalSsrc) {
        int osn = originalSequenceNumber(rtx);
        if (osn < 0) {
            return -1;
        }
        byte[] b = rtx.buffer();
        int off = rtx.offset();
        int payloadOff = rtx.payloadOffset();
        int end = off + rtx.length();
        // Shift payload and any padding left over the OSN; padding stays at the end, so P stays valid.
        System.arraycopy(b, payloadOff + OSN_LENGTH, b, payloadOff, end - payloadOff - OSN_LENGTH);
        int newLength = rtx.length() - OSN_LENGTH;
        rtx.wrap(b, off, newLength);
        rtx.setPayloadType(originalPt);
        rtx.setSsrc(originalSsrc);
        rtx.setSequenceNumber(osn);
        return newLength;
    }
}
