package org.roundtable.sfu.buffer;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A reusable packet: a byte array with an offset and a length, plus head room before the
 * packet and tail room after it (SRTP writes its auth tag in place; GCM needs 16 spare bytes).
 * Owned by one thread at a time: whoever holds it may mutate it; hand-over is by queueing it.
 */
public final class PacketBuffer implements ByteArrayBuffer {
    /** Room kept before the packet so headers can grow without copying. */
    public static final int HEAD_ROOM = 64;
    /** Room kept after the packet for SRTP auth tags and header-extension growth. */
    public static final int TAIL_ROOM = 64;
    /** Largest datagram we accept from the network. */
    public static final int MAX_PACKET = 1500;
    public static final int CAPACITY = HEAD_ROOM + MAX_PACKET + TAIL_ROOM;

    private byte[] buffer;
    private int offset;
    private int length;
    /** Receive time in nanoseconds of the injected clock; 0 when unknown. */
    private long receivedNanos;
    private BufferPool pool;
    /** Set while queued on a send lane: where it goes, and whether it is RTCP (for the counters). */
    private Object sendRoute;
    private boolean sendsRtcp;
    private long sendQueuedNanos;

    public PacketBuffer() {
        this(new byte[CAPACITY]);
    }

    public PacketBuffer(byte[] buffer) {
        this.buffer = buffer;
        this.offset = Math.min(HEAD_ROOM, buffer.length);
        this.length = 0;
    }

    /** Copies {@code len} bytes of {@code src} into this buffer, after the head room. */
    public PacketBuffer copyFrom(byte[] src, int srcOffset, int len) {
        if (len > buffer.length - HEAD_ROOM - TAIL_ROOM) {
            throw new IllegalArgumentException("packet of " + len + " bytes does not fit");
        }
        System.arraycopy(src, srcOffset, buffer, HEAD_ROOM, len);
        offset = HEAD_ROOM;
        length = len;
        return this;
    }

    public PacketBuffer copyFrom(PacketBuffer other) {
        copyFrom(other.buffer, other.offset, other.length);
        receivedNanos = other.receivedNanos;
        return this;
    }

    @Override public byte[] getBuffer() { return buffer; }
    @Override public int getOffset() { return offset; }
    @Override public int getLength() { return length; }
    @Override public void setLength(int length) { this.length = length; }
    @Override public void setOffset(int offset) { this.offset = offset; }
    @Override public boolean isInvalid() { return false; }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, offset + off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch <= 0) {
            return;
        }
        if (offset + length + howMuch > buffer.length) {
            byte[] bigger = new byte[offset + length + howMuch + TAIL_ROOM];
            System.arraycopy(buffer, 0, bigger, 0, offset + length);
            buffer = bigger;
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }

    public long receivedNanos() { return receivedNanos; }
    public void receivedNanos(long nanos) { this.receivedNanos = nanos; }

    /** Typed by the send lane; untyped here so buffers depend on nothing. */
    public void sendRoute(Object route, boolean rtcp, long queuedNanos) {
        this.sendRoute = route;
        this.sendsRtcp = rtcp;
        this.sendQueuedNanos = queuedNanos;
    }

    public Object sendRoute() { return sendRoute; }
    public boolean sendsRtcp() { return sendsRtcp; }
    public long sendQueuedNanos() { return sendQueuedNanos; }

    /** Returns this buffer to the pool it came from (no-op for unpooled buffers). */
    public void release() {
        sendRoute = null; // a pooled buffer must not keep a closed transport reachable
        if (pool != null) {
            pool.give(this);
        }
    }

    void pool(BufferPool pool) { this.pool = pool; }

    void reset() {
        offset = HEAD_ROOM;
        length = 0;
        receivedNanos = 0;
        sendRoute = null;
        sendsRtcp = false;
    }
}
