package org.roundtable.loadtest.media;

import java.util.SplittableRandom;

/**
 * VP8-like video of one resolution: frames at a fixed rate whose sizes average the target
 * bitrate (keyframes several times larger, as libvpx's are), split into nearly equal packets of
 * at most {@link SyntheticSource#MAX_PACKET} bytes. Each packet starts with an RFC 7741 payload
 * descriptor (X, I with a 15-bit picture id, and L/T for a simulcast layer), the first packet
 * of a frame with the RFC 6386 frame tag and, on keyframes, the start code and dimensions.
 * Marker on the last packet of a frame. Keyframes are periodic and on request (PLI/FIR).
 * Confined to the sending thread.
 */
public final class SyntheticVp8Source implements SyntheticSource {
    public static final int CLOCK_RATE = 90_000;
    /** A keyframe is this many times larger than an average delta frame. */
    static final int KEYFRAME_FACTOR = 5;
    private static final int FRAME_TAG = 3;
    private static final int KEYFRAME_HEADER = 10;

    private final RtpHeaderWriter header;
    private final int streamId;
    private final SplittableRandom random;
    private final int width;
    private final int height;
    private final int fps;
    private final int keyframeIntervalFrames;
    private final boolean layered;
    private final int descriptorLength;
    private final int deltaFrameBytes;
    private final int maxChunk;

    private int seq;
    private long timestamp;
    private long counter;
    private int pictureId;
    private int tl0PicIdx;
    private long frameIndex;
    private boolean keyframeRequested = true;

    // the current frame
    private boolean keyframe;
    private int frameDataBytes;
    private int packets;
    private int chunk;
    private int chunkRemainder;
    private int dataWritten;

    /**
     * @param keyframeIntervalFrames a keyframe every this many frames (0: only on request)
     * @param layered                whether to write TL0PICIDX/TID (as a simulcast encoder does)
     */
    public SyntheticVp8Source(RtpHeaderWriter header, int streamId, int width, int height, int fps,
                              int bitrateBps, int keyframeIntervalFrames, boolean layered, SplittableRandom random) {
        if (width < 16 || width > 16383 || height < 16 || height > 16383) {
            throw new IllegalArgumentException("VP8 frame size " + width + "x" + height);
        }
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1..120: " + fps);
        }
        if (bitrateBps < 10_000) {
            throw new IllegalArgumentException("video bitrate too low: " + bitrateBps);
        }
        this.header = header;
        this.streamId = streamId;
        this.random = random;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.keyframeIntervalFrames = keyframeIntervalFrames;
        this.layered = layered;
        this.descriptorLength = layered ? 6 : 4;
        int bytesPerFrame = bitrateBps / 8 / fps;
        // Average over one keyframe period equals the target: (K - 1 + factor) * delta = K * mean.
        int k = keyframeIntervalFrames > 0 ? keyframeIntervalFrames : Integer.MAX_VALUE;
        double delta = k == Integer.MAX_VALUE ? bytesPerFrame
                : (double) bytesPerFrame * k / (k - 1 + KEYFRAME_FACTOR);
        this.deltaFrameBytes = Math.max(KEYFRAME_HEADER + 20, (int) delta);
        this.maxChunk = MAX_PACKET - header.maxHeaderLength() - descriptorLength - MediaStamp.LENGTH;
        this.seq = random.nextInt(0x10000);
        this.timestamp = random.nextLong() & 0xFFFFFFFFL;
        this.pictureId = random.nextInt(0x8000);
        this.tl0PicIdx = random.nextInt(256);
    }

    /** The next frame will be a keyframe (the receiver sent PLI or FIR). */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    @Override
    public int nextFrame(long nowNanos) {
        keyframe = keyframeRequested || (keyframeIntervalFrames > 0 && frameIndex % keyframeIntervalFrames == 0);
        keyframeRequested = false;
        int mean = keyframe ? deltaFrameBytes * KEYFRAME_FACTOR : deltaFrameBytes;
        int spread = mean / 6;
        int payloadBytes = mean + random.nextInt(2 * spread + 1) - spread;
        packets = Math.max(1, (payloadBytes + maxChunk - 1) / maxChunk);
        frameDataBytes = Math.max(KEYFRAME_HEADER + 4, payloadBytes - packets * (descriptorLength + MediaStamp.LENGTH));
        packets = Math.max(1, (frameDataBytes + maxChunk - 1) / maxChunk);
        chunk = frameDataBytes / packets;
        chunkRemainder = frameDataBytes % packets;
        dataWritten = 0;
        return packets;
    }

    @Override
    public int writePacket(int index, byte[] b, int off, int transportSeq, long nowNanos) {
        boolean last = index == packets - 1;
        int h = header.write(b, off, last, seq, timestamp, -1, false, transportSeq, nowNanos);
        int p = off + h;
        p = writeDescriptor(b, p, index == 0);
        int data = chunk + (index < chunkRemainder ? 1 : 0);
        int dataStart = p;
        if (index == 0) {
            p = writeFrameHeader(b, p);
        }
        int fill = data - (p - dataStart);
        Noise.fill(b, p, fill, (int) (counter * 131 + frameIndex));
        p += fill;
        dataWritten += data;
        MediaStamp.write(b, p, streamId, counter, nowNanos);
        p += MediaStamp.LENGTH;
        seq = (seq + 1) & 0xFFFF;
        counter++;
        if (last) {
            endFrame();
        }
        return p - off;
    }

    private int writeDescriptor(byte[] b, int p, boolean startOfFrame) {
        b[p++] = (byte) (0x80 | (startOfFrame ? 0x10 : 0)); // X, S, PID 0
        b[p++] = (byte) (layered ? 0xE0 : 0x80);             // I (+ L, T)
        b[p++] = (byte) (0x80 | (pictureId >>> 8));          // M: 15-bit picture id
        b[p++] = (byte) pictureId;
        if (layered) {
            b[p++] = (byte) tl0PicIdx;
            b[p++] = (byte) 0x20;                            // TID 0, Y=1
        }
        return p;
    }

    private int writeFrameHeader(byte[] b, int p) {
        int firstPartitionSize = Math.min(0x7FFFF, Math.max(1, frameDataBytes / 4));
        int tag = (firstPartitionSize << 5) | 0x10 | (keyframe ? 0 : 1); // show_frame, version 0
        b[p++] = (byte) tag;
        b[p++] = (byte) (tag >>> 8);
        b[p++] = (byte) (tag >>> 16);
        if (keyframe) {
            b[p++] = (byte) 0x9D;
            b[p++] = (byte) 0x01;
            b[p++] = (byte) 0x2A;
            b[p++] = (byte) width;
            b[p++] = (byte) ((width >>> 8) & 0x3F);
            b[p++] = (byte) height;
            b[p++] = (byte) ((height >>> 8) & 0x3F);
        }
        return p;
    }

    private void endFrame() {
        frameIndex++;
        pictureId = (pictureId + 1) & 0x7FFF;
        tl0PicIdx = (tl0PicIdx + 1) & 0xFF;
        timestamp = (timestamp + CLOCK_RATE / fps) & 0xFFFFFFFFL;
    }

    /** Whether the frame being written (or last prepared) is a keyframe. */
    public boolean currentIsKeyframe() { return keyframe; }

    public int width() { return width; }
    public int height() { return height; }

    @Override public long timestampNow() { return timestamp; }
    @Override public long intervalNanos() { return 1_000_000_000L / fps; }
    @Override public long ssrc() { return header.ssrc(); }
    @Override public int clockRate() { return CLOCK_RATE; }
    @Override public boolean isVideo() { return true; }
    @Override public int streamId() { return streamId; }
}
