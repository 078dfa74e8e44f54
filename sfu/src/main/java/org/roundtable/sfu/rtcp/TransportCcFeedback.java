package org.roundtable.sfu.rtcp;

/**
 * Transport-wide congestion control feedback, RTPFB (PT 205) FMT 15
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1): base sequence number, packet
 * status count, 24-bit signed reference time in 64 ms units, feedback packet count, then packet
 * status chunks (run-length, or status vectors of 14 one-bit or 7 two-bit symbols) and receive
 * deltas in 250 us ticks (one unsigned byte, or two signed bytes for large or negative deltas).
 * <p>
 * Parsing: {@link #wrap} validates every chunk and delta; {@link #next()} then walks the packets
 * without allocation. Building: {@link Builder}. Confined to the thread owning the buffer.
 */
public final class TransportCcFeedback {
    public static final int FMT = 15;
    public static final int HEADER_LENGTH = 20;
    public static final long REFERENCE_TIME_UNIT_MICROS = 64_000;
    public static final long DELTA_TICK_MICROS = 250;
    public static final int NOT_RECEIVED = 0;
    public static final int RECEIVED_SMALL_DELTA = 1;
    public static final int RECEIVED_LARGE_DELTA = 2;
    public static final int MAX_RUN_LENGTH = 0x1FFF;

    private byte[] buf;
    private int off;
    private int len;
    private boolean valid;
    private int chunksEnd;
    // cursor
    private int chunkPos;
    private int indexInChunk;
    private int packetIndex;
    private int deltaPos;
    private int status;
    private int deltaTicks;
    private long arrivalTicks;

    public TransportCcFeedback wrap(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        this.valid = validate();
        rewind();
        return this;
    }

    public static boolean matches(byte[] b, int off) {
        return RtcpHeader.packetType(b, off) == RtcpHeader.RTPFB && RtcpHeader.fmt(b, off) == FMT;
    }

    public boolean isValid() { return valid; }

    public long senderSsrc() { return RtcpHeader.senderSsrc(buf, off); }
    public long mediaSsrc() { return RtcpHeader.readUint32(buf, off + 8); }
    public int baseSequenceNumber() { return RtcpHeader.readUint16(buf, off + 12); }
    public int packetStatusCount() { return RtcpHeader.readUint16(buf, off + 14); }
    /** Signed 24-bit reference time, in 64 ms units. */
    public int referenceTime() { return (RtcpHeader.readUint24(buf, off + 16) << 8) >> 8; }
    public long referenceTimeMicros() { return referenceTime() * REFERENCE_TIME_UNIT_MICROS; }
    public int feedbackPacketCount() { return buf[off + 19] & 0xFF; }

    private boolean validate() {
        if (!RtcpHeader.fits(buf, off, len, RtcpHeader.RTPFB, HEADER_LENGTH) || RtcpHeader.fmt(buf, off) != FMT) {
            return false;
        }
        int content = RtcpHeader.contentLength(buf, off);
        if (content < HEADER_LENGTH) {
            return false;
        }
        int end = off + content;
        int remaining = packetStatusCount();
        int p = off + HEADER_LENGTH;
        int deltaBytes = 0;
        while (remaining > 0) {
            if (p + 2 > end) {
                return false;
            }
            int chunk = RtcpHeader.readUint16(buf, p);
            int n = Math.min(remaining, symbolCount(chunk));
            for (int i = 0; i < n; i++) {
                int s = symbol(chunk, i);
                if (s == 3) {
                    return false;
                }
                deltaBytes += s;
            }
            remaining -= n;
            p += 2;
        }
        chunksEnd = p;
        return p + deltaBytes <= end;
    }

    /** Restarts the packet cursor before the first packet. */
    public void rewind() {
        chunkPos = off + HEADER_LENGTH;
        indexInChunk = 0;
        packetIndex = -1;
        deltaPos = chunksEnd;
        arrivalTicks = 0;
        status = -1;
        deltaTicks = 0;
    }

    /** Advances to the next packet described; false after the last one or if invalid. */
    public boolean next() {
        if (!valid || packetIndex + 1 >= packetStatusCount()) {
            return false;
        }
        if (packetIndex >= 0) {
            indexInChunk++;
        }
        // Validation proved the chunks cover every packet, so this stops before chunksEnd;
        // it also steps over run-length chunks of length 0.
        while (indexInChunk >= symbolCount(RtcpHeader.readUint16(buf, chunkPos))) {
            chunkPos += 2;
            indexInChunk = 0;
        }
        packetIndex++;
        status = symbol(RtcpHeader.readUint16(buf, chunkPos), indexInChunk);
        if (status == RECEIVED_SMALL_DELTA) {
            deltaTicks = buf[deltaPos] & 0xFF;
            deltaPos++;
        } else if (status == RECEIVED_LARGE_DELTA) {
            deltaTicks = (short) RtcpHeader.readUint16(buf, deltaPos);
            deltaPos += 2;
        } else {
            deltaTicks = 0;
        }
        arrivalTicks += deltaTicks;
        return true;
    }

    /** Transport-wide sequence number of the current packet. */
    public int sequenceNumber() { return (baseSequenceNumber() + packetIndex) & 0xFFFF; }
    /** {@link #NOT_RECEIVED}, {@link #RECEIVED_SMALL_DELTA} or {@link #RECEIVED_LARGE_DELTA}. */
    public int status() { return status; }
    public boolean received() { return status == RECEIVED_SMALL_DELTA || status == RECEIVED_LARGE_DELTA; }
    /** Receive delta of the current packet from the previous received one (or the reference time), in 250 us ticks. */
    public int deltaTicks() { return deltaTicks; }
    /** Arrival time of the current (received) packet: reference time plus all deltas so far, in microseconds. */
    public long arrivalMicros() { return referenceTimeMicros() + arrivalTicks * DELTA_TICK_MICROS; }

    private static int symbolCount(int chunk) {
        if ((chunk & 0x8000) == 0) {
            return chunk & 0x1FFF;
        }
        return (chunk & 0x4000) == 0 ? 14 : 7;
    }

    private static int symbol(int chunk, int i) {
        if ((chunk & 0x8000) == 0) {
            return (chunk >>> 13) & 0x3;
        }
        if ((chunk & 0x4000) == 0) {
            return (chunk >>> (13 - i)) & 0x1;
        }
        return (chunk >>> (12 - 2 * i)) & 0x3;
    }

    /** Size of the feedback for {@code n} packets from a base seq, {@code arrivalMicros[i] < 0} meaning not received; -1 if not representable. */
    public static int size(long[] arrivalMicros, int n) {
        Builder builder = fill(arrivalMicros, n);
        return builder == null ? -1 : builder.size();
    }

    /**
     * Convenience (allocates a {@link Builder}): writes the feedback for sequence numbers
     * {@code baseSeq .. baseSeq + n - 1} with the given arrival times ({@code < 0}: not
     * received). Returns bytes written, or -1 if a delta exceeds the two-byte range (about 8 s)
     * or n is outside 1..65535.
     */
    public static int write(byte[] b, int off, long senderSsrc, long mediaSsrc, int baseSeq,
                            long[] arrivalMicros, int n, int feedbackPacketCount) {
        Builder builder = fill(arrivalMicros, n);
        if (builder == null) {
            return -1;
        }
        return builder.write(b, off, senderSsrc, mediaSsrc, baseSeq, feedbackPacketCount);
    }

    private static Builder fill(long[] arrivalMicros, int n) {
        if (n < 1 || n > Builder.MAX_PACKETS) {
            return null;
        }
        Builder builder = new Builder(n);
        for (int i = 0; i < n; i++) {
            boolean ok = arrivalMicros[i] < 0 ? builder.addLost() : builder.addReceived(arrivalMicros[i]);
            if (!ok) {
                return null;
            }
        }
        return builder;
    }

    /**
     * Accumulates consecutive packets (received with an arrival time, or lost) starting at a base
     * sequence number and serializes them. Arrays are sized once at construction; reuse it with
     * {@link #reset()}. Confined to one thread.
     */
    public static final class Builder {
        public static final int MAX_PACKETS = 0xFFFF;

        private final byte[] symbols;
        private final short[] deltas;
        private int count;
        private boolean haveReference;
        private long referenceUnits;
        private long lastTicks;
        private int deltaBytes;

        public Builder(int capacity) {
            int cap = Math.min(Math.max(1, capacity), MAX_PACKETS);
            this.symbols = new byte[cap];
            this.deltas = new short[cap];
        }

        public void reset() {
            count = 0;
            haveReference = false;
            referenceUnits = 0;
            lastTicks = 0;
            deltaBytes = 0;
        }

        public int packetCount() { return count; }
        public int capacity() { return symbols.length; }
        public boolean isEmpty() { return count == 0; }
        /** True once a received packet set the reference time (a feedback of only losses is legal but useless). */
        public boolean hasReceived() { return haveReference; }

        /** Appends the next sequence number as not received. False if full. */
        public boolean addLost() {
            if (count == symbols.length) {
                return false;
            }
            symbols[count] = NOT_RECEIVED;
            deltas[count] = 0;
            count++;
            return true;
        }

        /**
         * Appends the next sequence number as received at {@code arrivalMicros} (any clock, the
         * same for the whole feedback). False, and nothing added, if full or its delta from the
         * previous received packet does not fit in 16 signed bits of 250 us: write what you have
         * and start a new feedback then.
         */
        public boolean addReceived(long arrivalMicros) {
            if (count == symbols.length) {
                return false;
            }
            if (!haveReference) {
                referenceUnits = Math.floorDiv(arrivalMicros, REFERENCE_TIME_UNIT_MICROS);
            }
            long base = referenceUnits * REFERENCE_TIME_UNIT_MICROS;
            // Ticks from the reference, rounded: deltas derived from them never accumulate rounding drift.
            long ticks = Math.floorDiv(arrivalMicros - base + DELTA_TICK_MICROS / 2, DELTA_TICK_MICROS);
            long delta = ticks - (haveReference ? lastTicks : 0);
            if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                return false;
            }
            haveReference = true;
            lastTicks = ticks;
            boolean small = delta >= 0 && delta <= 0xFF;
            symbols[count] = (byte) (small ? RECEIVED_SMALL_DELTA : RECEIVED_LARGE_DELTA);
            deltas[count] = (short) delta;
            deltaBytes += small ? 1 : 2;
            count++;
            return true;
        }

        /** Bytes {@link #write} will produce, padding included. */
        public int size() {
            int raw = HEADER_LENGTH + 2 * writeChunks(null, 0) + deltaBytes;
            return (raw + 3) & ~3;
        }

        /** Serializes the packets added so far (at least one). Returns bytes written. */
        public int write(byte[] b, int off, long senderSsrc, long mediaSsrc, int baseSeq, int feedbackPacketCount) {
            if (count == 0) {
                throw new IllegalStateException("no packets to report");
            }
            RtcpHeader.writeUint32(b, off + 4, senderSsrc);
            RtcpHeader.writeUint32(b, off + 8, mediaSsrc);
            RtcpHeader.writeUint16(b, off + 12, baseSeq);
            RtcpHeader.writeUint16(b, off + 14, count);
            RtcpHeader.writeUint24(b, off + 16, (int) (referenceUnits & 0xFFFFFF));
            b[off + 19] = (byte) feedbackPacketCount;
            int p = off + HEADER_LENGTH + 2 * writeChunks(b, off + HEADER_LENGTH);
            for (int i = 0; i < count; i++) {
                if (symbols[i] == RECEIVED_SMALL_DELTA) {
                    b[p++] = (byte) deltas[i];
                } else if (symbols[i] == RECEIVED_LARGE_DELTA) {
                    RtcpHeader.writeUint16(b, p, deltas[i]);
                    p += 2;
                }
            }
            int size = (p - off + 3) & ~3;
            while (p < off + size) {
                b[p++] = 0;
            }
            RtcpHeader.write(b, off, FMT, RtcpHeader.RTPFB, size);
            return size;
        }

        /**
         * Chooses chunks greedily: a run-length chunk for long runs, else a one-bit vector of 14
         * if no large delta is among them, else a two-bit vector of 7. Writes them when {@code b}
         * is non-null; returns the number of chunks.
         */
        private int writeChunks(byte[] b, int p) {
            int chunks = 0;
            int i = 0;
            while (i < count) {
                int remaining = count - i;
                int run = 1;
                while (i + run < count && symbols[i + run] == symbols[i] && run < MAX_RUN_LENGTH) {
                    run++;
                }
                int oneBitWindow = Math.min(14, remaining);
                boolean largeInWindow = containsLarge(i, oneBitWindow);
                int chunk;
                int covered;
                if (run >= 14 || run == remaining || (run >= 7 && largeInWindow)) {
                    chunk = (symbols[i] << 13) | run;
                    covered = run;
                } else if (!largeInWindow) {
                    chunk = 0x8000;
                    for (int k = 0; k < oneBitWindow; k++) {
                        chunk |= symbols[i + k] << (13 - k);
                    }
                    covered = oneBitWindow;
                } else {
                    covered = Math.min(7, remaining);
                    chunk = 0xC000;
                    for (int k = 0; k < covered; k++) {
                        chunk |= symbols[i + k] << (12 - 2 * k);
                    }
                }
                if (b != null) {
                    RtcpHeader.writeUint16(b, p + 2 * chunks, chunk);
                }
                chunks++;
                i += covered;
            }
            return chunks;
        }

        private boolean containsLarge(int from, int n) {
            for (int k = from; k < from + n; k++) {
                if (symbols[k] == RECEIVED_LARGE_DELTA) {
                    return true;
                }
            }
            return false;
        }
    }
}
