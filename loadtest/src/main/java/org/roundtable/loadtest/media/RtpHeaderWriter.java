package org.roundtable.loadtest.media;

import java.nio.charset.StandardCharsets;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.TransportCcExtension;

/**
 * Writes the RTP header of one outgoing SSRC the way Chromium does: fixed header, then a
 * one-byte (0xBEDE) extension block with audio level, abs-send-time, transport-wide sequence
 * number, mid and rid when negotiated, zero-padded to a word. No allocation per packet.
 * Confined to the sending thread.
 */
public final class RtpHeaderWriter {
    private final int payloadType;
    private final long ssrc;
    private final HeaderExtensionIds ids;
    private final byte[] mid;
    private final byte[] rid;

    public RtpHeaderWriter(int payloadType, long ssrc, HeaderExtensionIds ids, String mid, String rid) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType);
        }
        this.payloadType = payloadType;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.ids = ids;
        this.mid = ids.mid() > 0 && mid != null ? mid.getBytes(StandardCharsets.US_ASCII) : null;
        this.rid = ids.rid() > 0 && rid != null ? rid.getBytes(StandardCharsets.US_ASCII) : null;
        if ((this.mid != null && (this.mid.length < 1 || this.mid.length > 16))
                || (this.rid != null && (this.rid.length < 1 || this.rid.length > 16))) {
            throw new IllegalArgumentException("mid and rid must be 1..16 bytes");
        }
    }

    /**
     * Writes the header at {@code off}; returns its length (the payload starts right after).
     *
     * @param audioLevel    -dBov 0..127 with voice activity, or -1 to leave it out
     * @param transportSeq  transport-wide sequence number (16 bit)
     */
    public int write(byte[] b, int off, boolean marker, int seq, long timestamp,
                     int audioLevel, boolean voice, int transportSeq, long nowNanos) {
        boolean hasExtensions = ids.absSendTime() > 0 || ids.transportCc() > 0 || mid != null || rid != null
                || (audioLevel >= 0 && ids.audioLevel() > 0);
        b[off] = (byte) (hasExtensions ? 0x90 : 0x80);
        b[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        b[off + 2] = (byte) (seq >>> 8);
        b[off + 3] = (byte) seq;
        MediaStamp.putInt(b, off + 4, (int) timestamp);
        MediaStamp.putInt(b, off + 8, (int) ssrc);
        if (!hasExtensions) {
            return 12;
        }
        int blockStart = off + 12;
        b[blockStart] = (byte) 0xBE;
        b[blockStart + 1] = (byte) 0xDE;
        int p = blockStart + 4;
        if (audioLevel >= 0 && ids.audioLevel() > 0) {
            b[p++] = (byte) (ids.audioLevel() << 4);
            AudioLevelExtension.write(b, p++, audioLevel, voice);
        }
        if (ids.absSendTime() > 0) {
            b[p++] = (byte) ((ids.absSendTime() << 4) | (AbsSendTimeExtension.DATA_LENGTH - 1));
            AbsSendTimeExtension.write(b, p, nowNanos);
            p += AbsSendTimeExtension.DATA_LENGTH;
        }
        if (ids.transportCc() > 0) {
            b[p++] = (byte) ((ids.transportCc() << 4) | (TransportCcExtension.DATA_LENGTH - 1));
            TransportCcExtension.write(b, p, transportSeq & 0xFFFF);
            p += TransportCcExtension.DATA_LENGTH;
        }
        p = element(b, p, ids.mid(), mid);
        p = element(b, p, ids.rid(), rid);
        while (((p - blockStart) & 3) != 0) {
            b[p++] = 0;
        }
        int words = (p - blockStart - 4) / 4;
        b[blockStart + 2] = (byte) (words >>> 8);
        b[blockStart + 3] = (byte) words;
        return p - off;
    }

    private static int element(byte[] b, int p, int id, byte[] value) {
        if (value == null) {
            return p;
        }
        b[p++] = (byte) ((id << 4) | (value.length - 1));
        System.arraycopy(value, 0, b, p, value.length);
        return p + value.length;
    }

    /** Largest header this writer produces. */
    public int maxHeaderLength() {
        return 12 + 4 + 2 + 4 + 3 + (mid == null ? 0 : mid.length + 1) + (rid == null ? 0 : rid.length + 1) + 3;
    }

    public long ssrc() { return ssrc; }
    public int payloadType() { return payloadType; }
}
