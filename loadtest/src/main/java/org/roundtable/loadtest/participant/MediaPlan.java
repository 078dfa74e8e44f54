package org.roundtable.loadtest.participant;

/**
 * What a simulated minister sends. With simulcast, layers q/h/f have 1/4, 1/2 and full size
 * and about 10 %, 30 % and 100 % of {@code videoBitrate}, as Chromium's defaults allocate. With
 * {@code paced}, video packets leave through a browser-like pacer (see {@code Pacer}). Immutable.
 */
public record MediaPlan(int audioBitrate, boolean sendVideo, int videoBitrate, int fps, int width, int height,
                        boolean simulcast, int keyframeIntervalFrames, boolean paced) {

    static final String[] RIDS = {"q", "h", "f"};
    private static final int[] DIVISORS = {4, 2, 1};
    private static final double[] BITRATE_SHARE = {0.1, 0.3, 1.0};

    public int layers() {
        return sendVideo ? (simulcast ? 3 : 1) : 0;
    }

    int layerWidth(int layer) {
        return simulcast ? even(width / DIVISORS[layer]) : width;
    }

    int layerHeight(int layer) {
        return simulcast ? even(height / DIVISORS[layer]) : height;
    }

    int layerBitrate(int layer) {
        return simulcast ? Math.max(30_000, (int) (videoBitrate * BITRATE_SHARE[layer])) : videoBitrate;
    }

    private static int even(int v) {
        return Math.max(16, v & ~1);
    }
}
