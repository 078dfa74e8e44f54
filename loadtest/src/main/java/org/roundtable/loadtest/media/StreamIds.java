package org.roundtable.loadtest.media;

/**
 * Packs a publisher track number and a simulcast layer (0 lowest .. 3) into the stream id that
 * {@link MediaStamp} carries. Track numbers are given out by the load runner: every simulated
 * track in one run has its own. Stateless.
 */
public final class StreamIds {
    private StreamIds() {
    }

    public static int of(int trackNumber, int layer) {
        if (trackNumber < 0 || layer < 0 || layer > 3) {
            throw new IllegalArgumentException("track " + trackNumber + " layer " + layer);
        }
        return (trackNumber << 2) | layer;
    }

    public static int track(int streamId) { return streamId >>> 2; }

    public static int layer(int streamId) { return streamId & 3; }
}
