package org.roundtable.sfu.bench;

/** Synthetic RTP packets for the microbenchmarks. Stateless. */
public final class BenchPackets {
    private BenchPackets() {
    }

    /**
     * An RTP packet with one-byte header extensions {@code ids[i]} of {@code lengths[i]} bytes
     * and {@code payload} bytes of payload.
     */
    public static byte[] rtp(int pt, int seq, long ts, long ssrc, int[] ids, int[] lengths, int payload) {
        int ext = 0;
        for (int l : lengths) {
            ext += 1 + l;
        }
        int extPadded = (ext + 3) & ~3;
        int header = 12 + (ids.length > 0 ? 4 + extPadded : 0);
        byte[] b = new byte[header + payload];
        b[0] = (byte) (0x80 | (ids.length > 0 ? 0x10 : 0));
        b[1] = (byte) pt;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        writeUint32(b, 4, ts);
        writeUint32(b, 8, ssrc);
        if (ids.length > 0) {
            b[12] = (byte) 0xBE;
            b[13] = (byte) 0xDE;
            b[14] = (byte) ((extPadded / 4) >>> 8);
            b[15] = (byte) (extPadded / 4);
            int at = 16;
            for (int i = 0; i < ids.length; i++) {
                b[at++] = (byte) ((ids[i] << 4) | (lengths[i] - 1));
                at += lengths[i];
            }
        }
        for (int i = header; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    public static void writeUint32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void writeSeq(byte[] b, int off, int seq) {
        b[off + 2] = (byte) (seq >>> 8);
        b[off + 3] = (byte) seq;
    }
}
