package org.roundtable.sfu.testutil;

/** Builds plaintext RTP packets like Chromium's: one-byte header extensions, then the payload. */
public final class TestPackets {
    private TestPackets() { }

    /**
     * @param extensions pairs {id, value...}: each element is {@code {id, byte0, byte1, ...}}
     */
    public static byte[] rtp(int pt, int seq, long ts, long ssrc, boolean marker, int[][] extensions, int payloadLength, int fill) {
        int extBytes = 0;
        for (int[] e : extensions) {
            extBytes += e.length; // id/len byte + data bytes
        }
        int extPadded = extBytes == 0 ? 0 : (extBytes + 3) & ~3;
        int headerLength = 12 + (extPadded == 0 ? 0 : 4 + extPadded);
        byte[] b = new byte[headerLength + payloadLength];
        b[0] = (byte) (0x80 | (extPadded > 0 ? 0x10 : 0));
        b[1] = (byte) ((marker ? 0x80 : 0) | pt);
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        writeUint32(b, 4, ts);
        writeUint32(b, 8, ssrc);
        if (extPadded > 0) {
            b[12] = (byte) 0xBE;
            b[13] = (byte) 0xDE;
            b[14] = (byte) ((extPadded / 4) >>> 8);
            b[15] = (byte) (extPadded / 4);
            int p = 16;
            for (int[] e : extensions) {
                int dataLength = e.length - 1;
                b[p++] = (byte) ((e[0] << 4) | (dataLength - 1));
                for (int i = 1; i < e.length; i++) {
                    b[p++] = (byte) e[i];
                }
            }
        }
        for (int i = headerLength; i < b.length; i++) {
            b[i] = (byte) (fill + i);
        }
        return b;
    }

    /** A VP8 payload descriptor (X=1, I=1, 15-bit picture id, S bit) followed by filler. */
    public static void vp8Descriptor(byte[] b, int payloadOffset, int pictureId, boolean start, boolean keyframe) {
        b[payloadOffset] = (byte) (0x80 | (start ? 0x10 : 0));
        b[payloadOffset + 1] = (byte) 0x80;
        b[payloadOffset + 2] = (byte) (0x80 | ((pictureId >>> 8) & 0x7F));
        b[payloadOffset + 3] = (byte) pictureId;
        if (start) {
            b[payloadOffset + 4] = (byte) (keyframe ? 0x00 : 0x01); // VP8 frame header: P bit
        }
    }

    public static void writeUint32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static long readUint32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16) | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }

    public static int readUint16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }
}
