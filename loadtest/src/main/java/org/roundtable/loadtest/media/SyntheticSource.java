package org.roundtable.loadtest.media;

/**
 * A generator of one outgoing RTP stream that looks like a browser's encoder output. Each media
 * unit (an audio packet, a video frame) is prepared by {@link #nextFrame} and written packet by
 * packet into caller-owned buffers, so sending allocates nothing. Confined to the sending thread.
 */
public interface SyntheticSource {

    /** Prepares the next media unit; returns how many RTP packets it takes. */
    int nextFrame(long nowNanos);

    /**
     * Writes packet {@code index} (0-based) of the current unit at {@code b[off]}; returns its
     * length. The buffer needs {@link #MAX_PACKET} bytes.
     */
    int writePacket(int index, byte[] b, int off, int transportSeq, long nowNanos);

    /** The RTP timestamp of the next media unit (what a sender report pairs with "now"). */
    long timestampNow();

    /** Time between media units. */
    long intervalNanos();

    long ssrc();

    int clockRate();

    boolean isVideo();

    /** The stream id written into every packet's {@link MediaStamp}. */
    int streamId();

    /** Largest RTP packet any source writes: below a typical 1200-byte WebRTC MTU budget. */
    int MAX_PACKET = 1200;
}
