package org.roundtable.sfu.rtcp;

/**
 * Generic NACK, RTPFB (PT 205) FMT 1 (RFC 4585 section 6.2.1): sender SSRC, media SSRC, then
 * FCI entries of PID (a lost sequence number) and BLP (bit i set: PID + i + 1 lost too).
 * Flyweight, no allocation; building takes the lost sequence numbers in ascending (wrapping)
 * order. Confined to the thread owning the buffer.
 */
public final class GenericNack {
    public static final int FMT = 1;
    public static final int HEADER_LENGTH = 12;
    public static final int FCI_LENGTH = 4;

    private byte[] buf;
    private int off;
    private int len;

    public GenericNack wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        return this;
    }

    public static boolean matches(byte[] b, int off) {
        return RtcpHeader.packetType(b, off) == RtcpHeader.RTPFB && RtcpHeader.fmt(b, off) == FMT;
    }

    public boolean isValid() {
        return RtcpHeader.fits(buf, off, len, RtcpHeader.RTPFB, HEADER_LENGTH + FCI_LENGTH)
                && RtcpHeader.fmt(buf, off) == FMT && RtcpHeader.contentLength(buf, off) >= HEADER_LENGTH + FCI_LENGTH;
    }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    public long mediaSsrc() { return RtcpHeader.readUint32(buf, off + 8); }
    public int fciCount() { return (RtcpHeader.contentLength(buf, off) - HEADER_LENGTH) / FCI_LENGTH; }
    public int pid(int i) { return RtcpHeader.readUint16(buf, off + HEADER_LENGTH + FCI_LENGTH * i); }
    public int blp(int i) { return RtcpHeader.readUint16(buf, off + HEADER_LENGTH + FCI_LENGTH * i + 2); }

    /** Number of sequence numbers this NACK reports lost (PIDs plus set BLP bits). */
    public int lostCount() {
        int n = 0;
        for (int i = 0; i < fciCount(); i++) {
            n += 1 + Integer.bitCount(blp(i));
        }
        return n;
    }

    /** Fills {@code out} with the lost sequence numbers in packet order; returns how many were written (at most out.length). */
    public int lostSequenceNumbers(int[] out) {
        int n = 0;
        for (int i = 0; i < fciCount(); i++) {
            int pid = pid(i);
            int blp = blp(i);
            if (n == out.length) {
                return n;
            }
            out[n++] = pid;
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    if (n == out.length) {
                        return n;
                    }
                    out[n++] = (pid + bit + 1) & 0xFFFF;
                }
            }
        }
        return n;
    }

    /** Number of FCI entries needed for the first {@code n} of {@code lostSeqs}. */
    public static int fciCount(int[] lostSeqs, int n) {
        int count = 0;
        int pid = -1;
        for (int i = 0; i < n; i++) {
            int seq = lostSeqs[i] & 0xFFFF;
            int diff = pid < 0 ? -1 : (seq - pid) & 0xFFFF;
            if (diff == 0 || (diff >= 1 && diff <= 16)) {
                continue;
            }
            pid = seq;
            count++;
        }
        return count;
    }

    public static int size(int[] lostSeqs, int n) { return HEADER_LENGTH + FCI_LENGTH * fciCount(lostSeqs, n); }

    /** Writes a NACK for the first {@code n} (at least one) of {@code lostSeqs}, ascending with wrap-around. Returns its size. */
    public static int write(byte[] b, int off, long senderSsrc, long mediaSsrc, int[] lostSeqs, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a NACK needs at least one sequence number");
        }
        int p = off + HEADER_LENGTH;
        int pid = -1;
        int blp = 0;
        for (int i = 0; i < n; i++) {
            int seq = lostSeqs[i] & 0xFFFF;
            int diff = pid < 0 ? -1 : (seq - pid) & 0xFFFF;
            if (diff == 0) {
                continue;
            }
            if (diff >= 1 && diff <= 16) {
                blp |= 1 << (diff - 1);
                continue;
            }
            if (pid >= 0) {
                p = writeFci(b, p, pid, blp);
            }
            pid = seq;
            blp = 0;
        }
        p = writeFci(b, p, pid, blp);
        int size = p - off;
        RtcpHeader.write(b, off, FMT, RtcpHeader.RTPFB, size);
        RtcpHeader.writeUint32(b, off + 4, senderSsrc);
        RtcpHeader.writeUint32(b, off + 8, mediaSsrc);
        return size;
    }

    private static int writeFci(byte[] b, int p, int pid, int blp) {
        RtcpHeader.writeUint16(b, p, pid);
        RtcpHeader.writeUint16(b, p + 2, blp);
        return p + FCI_LENGTH;
    }
}
