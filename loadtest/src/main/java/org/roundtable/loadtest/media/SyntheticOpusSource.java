package org.roundtable.loadtest.media;

import java.util.SplittableRandom;

/**
 * Opus-like audio: one packet every 20 ms at 48 kHz (timestamp step 960), sizes varying around
 * the target bitrate as a VBR encoder's do, a TOC byte of a 20 ms CELT/hybrid frame, the RFC 6464
 * audio level (talking with voice activity, with pauses), marker on the first packet only.
 * Confined to the sending thread.
 */
public final class SyntheticOpusSource implements SyntheticSource {
    public static final int CLOCK_RATE = 48_000;
    public static final long INTERVAL_NANOS = 20_000_000L;
    private static final int SAMPLES_PER_PACKET = 960;
    /** TOC: config 15 (hybrid fullband, 20 ms), mono, one frame: what Chromium's Opus sends. */
    private static final byte TOC = 0x78;
    private static final int MIN_PAYLOAD = MediaStamp.LENGTH + 8;

    private final RtpHeaderWriter header;
    private final int streamId;
    private final SplittableRandom random;
    private final int meanPayload;
    private int seq;
    private long timestamp;
    private long counter;
    private boolean first = true;
    private int payloadBytes;
    private int level;
    private boolean voice;
    private int talkPacketsLeft;

    public SyntheticOpusSource(RtpHeaderWriter header, int streamId, int bitrateBps, SplittableRandom random) {
        if (bitrateBps < 6_000 || bitrateBps > 510_000) {
            throw new IllegalArgumentException("Opus bitrate must be 6..510 kbps: " + bitrateBps);
        }
        this.header = header;
        this.streamId = streamId;
        this.random = random;
        this.meanPayload = Math.max(MIN_PAYLOAD, bitrateBps / 8 / 50);
        this.seq = random.nextInt(0x10000);
        this.timestamp = random.nextLong() & 0xFFFFFFFFL;
    }

    @Override
    public int nextFrame(long nowNanos) {
        if (talkPacketsLeft <= 0) {
            voice = !voice;
            talkPacketsLeft = voice ? 50 + random.nextInt(250) : 10 + random.nextInt(60);
        }
        talkPacketsLeft--;
        level = voice ? 20 + random.nextInt(25) : 90 + random.nextInt(37);
        int spread = Math.max(1, meanPayload / 5);
        int size = voice ? meanPayload + random.nextInt(2 * spread + 1) - spread : Math.max(MIN_PAYLOAD, meanPayload / 3);
        payloadBytes = Math.max(MIN_PAYLOAD, size);
        return 1;
    }

    @Override
    public int writePacket(int index, byte[] b, int off, int transportSeq, long nowNanos) {
        int h = header.write(b, off, first, seq, timestamp, level, voice, transportSeq, nowNanos);
        int p = off + h;
        b[p] = TOC;
        int fill = payloadBytes - 1 - MediaStamp.LENGTH;
        Noise.fill(b, p + 1, fill, (int) counter * 31);
        MediaStamp.write(b, p + 1 + fill, streamId, counter, nowNanos);
        first = false;
        seq = (seq + 1) & 0xFFFF;
        timestamp = (timestamp + SAMPLES_PER_PACKET) & 0xFFFFFFFFL;
        counter++;
        return h + payloadBytes;
    }

    @Override public long timestampNow() { return timestamp; }
    @Override public long intervalNanos() { return INTERVAL_NANOS; }
    @Override public long ssrc() { return header.ssrc(); }
    @Override public int clockRate() { return CLOCK_RATE; }
    @Override public boolean isVideo() { return false; }
    @Override public int streamId() { return streamId; }
}
