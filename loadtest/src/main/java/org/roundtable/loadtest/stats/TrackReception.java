package org.roundtable.loadtest.stats;

/**
 * What one receiver measures on one publisher track, from the load test's own stamps: loss,
 * duplicates and reordering per simulcast layer (each layer has its own counter), latency,
 * jitter, bytes and freezes. Also keeps interval deltas for the timeline. Confined to the
 * receiver's media worker thread; {@link #snapshot} copies what another thread may read.
 */
public final class TrackReception {
    public static final long FREEZE_THRESHOLD_NANOS = 500_000_000L;

    private final int trackNumber;
    private final SequenceTracker[] layers = new SequenceTracker[4];
    private final JitterEstimator jitter;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram intervalLatency = new LatencyHistogram();
    private final FreezeDetector freezes = new FreezeDetector(FREEZE_THRESHOLD_NANOS);
    private int currentLayer = -1;
    private int layersSeen;
    private long bytes;
    private long firstArrivalNanos;
    private long lastArrivalNanos;
    private long intervalBytes;
    private long intervalPackets;
    private long expectedAtLastInterval;
    private long receivedAtLastInterval;

    public TrackReception(int trackNumber, int clockRate) {
        this.trackNumber = trackNumber;
        this.jitter = new JitterEstimator(clockRate);
    }

    /**
     * One packet of this track arrived.
     *
     * @param layer        simulcast layer from the stamp (0 without simulcast)
     * @param counter      the sender's per-layer packet counter from the stamp
     * @param sendNanos    the sender's send time from the stamp
     * @param arrivalNanos when our socket got it (same clock as sendNanos)
     * @param rtpTimestamp the RTP timestamp as received (rewritten by the SFU, offset unchanged)
     */
    public void onPacket(int layer, long counter, long sendNanos, long arrivalNanos, long rtpTimestamp, int bytesOnWire) {
        SequenceTracker t = layers[layer];
        if (t == null) {
            t = new SequenceTracker();
            layers[layer] = t;
            layersSeen++;
        }
        if (layer != currentLayer) {
            if (currentLayer >= 0) {
                // the SFU switched layers: the returning layer's pause is not loss
                t.rebase();
            }
            currentLayer = layer;
        }
        if (!t.onPacket(counter)) {
            return; // duplicate: counted by the tracker, no latency sample
        }
        if (firstArrivalNanos == 0) {
            firstArrivalNanos = arrivalNanos;
        }
        lastArrivalNanos = arrivalNanos;
        long micros = (arrivalNanos - sendNanos) / 1_000;
        latency.recordMicros(micros);
        intervalLatency.recordMicros(micros);
        jitter.onPacket(arrivalNanos, rtpTimestamp);
        freezes.onArrival(arrivalNanos);
        bytes += bytesOnWire;
        intervalBytes += bytesOnWire;
        intervalPackets++;
    }

    public long expected() {
        long e = 0;
        for (SequenceTracker t : layers) {
            if (t != null) {
                e += t.expected();
            }
        }
        return e;
    }

    public long received() {
        long r = 0;
        for (SequenceTracker t : layers) {
            if (t != null) {
                r += t.received();
            }
        }
        return r;
    }

    public long duplicates() {
        long d = 0;
        for (SequenceTracker t : layers) {
            if (t != null) {
                d += t.duplicates();
            }
        }
        return d;
    }

    public long outOfOrder() {
        long d = 0;
        for (SequenceTracker t : layers) {
            if (t != null) {
                d += t.outOfOrder();
            }
        }
        return d;
    }

    public long lost() { return Math.max(0, expected() - received()); }

    public int trackNumber() { return trackNumber; }
    public long bytes() { return bytes; }
    public long firstArrivalNanos() { return firstArrivalNanos; }
    public long lastArrivalNanos() { return lastArrivalNanos; }
    public int layersSeen() { return layersSeen; }
    public JitterEstimator jitter() { return jitter; }
    public LatencyHistogram latency() { return latency; }
    public FreezeDetector freezes() { return freezes; }

    /** Interval figures since the previous call, then starts a new interval. */
    public Interval closeInterval() {
        long expected = expected();
        long received = received();
        Interval i = new Interval(expected - expectedAtLastInterval, received - receivedAtLastInterval,
                intervalPackets, intervalBytes, intervalLatency.copy());
        expectedAtLastInterval = expected;
        receivedAtLastInterval = received;
        intervalPackets = 0;
        intervalBytes = 0;
        intervalLatency.reset();
        return i;
    }

    /** Deltas of one timeline interval. */
    public record Interval(long expected, long received, long packets, long bytes, LatencyHistogram latency) {
    }
}
