package org.roundtable.sfu.conference;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.sfu.forward.NackGenerator;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.stats.RtpStreamRecv;

/**
 * One published track: the publisher's m-section (its SSRC, RTX SSRC, payload types and
 * extension ids), its receive statistics and loss detection, and the consumers it feeds.
 * Confined to the conference's worker.
 */
final class Producer {
    /** At most one keyframe request per producer in this interval, whatever asks for it. */
    static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 500_000_000L;
    private static final long NACK_RETRY_NANOS = 40_000_000L;
    private static final int NACK_MAX_RETRIES = 8;

    private final TrackInfo track;
    private final Endpoint publisher;
    private final String mid;
    private final String codecName;
    private final int payloadType;
    private final int clockRate;
    private final int rtxPayloadType;
    private final ExtensionIds extensions;
    private final boolean nackEnabled;
    private long ssrc;
    private long rtxSsrc;
    private RtpStreamRecv recv;
    private final NackGenerator nack;
    private final List<Consumer> consumers = new ArrayList<>();
    private boolean announced;
    private long lastKeyframeRequestNanos;
    private boolean keyframeRequested;
    private long keyframeRequests;

    Producer(TrackInfo track, Endpoint publisher, String mid, String codecName, int payloadType, int clockRate,
             int rtxPayloadType, long ssrc, long rtxSsrc, ExtensionIds extensions, boolean nackEnabled) {
        this.track = track;
        this.publisher = publisher;
        this.mid = mid;
        this.codecName = codecName;
        this.payloadType = payloadType;
        this.clockRate = clockRate;
        this.rtxPayloadType = rtxPayloadType;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.extensions = extensions;
        this.nackEnabled = nackEnabled;
        this.recv = ssrc >= 0 ? new RtpStreamRecv(ssrc, clockRate) : null;
        this.nack = nackEnabled ? new NackGenerator(NACK_MAX_RETRIES, NACK_RETRY_NANOS) : null;
    }

    TrackInfo track() { return track; }
    String trackId() { return track.trackId(); }
    MediaKind kind() { return track.kind(); }
    Endpoint publisher() { return publisher; }
    String mid() { return mid; }
    String codecName() { return codecName; }
    int payloadType() { return payloadType; }
    int clockRate() { return clockRate; }
    int rtxPayloadType() { return rtxPayloadType; }
    long ssrc() { return ssrc; }
    long rtxSsrc() { return rtxSsrc; }
    ExtensionIds extensions() { return extensions; }
    boolean nackEnabled() { return nackEnabled; }
    NackGenerator nack() { return nack; }
    RtpStreamRecv recv() { return recv; }
    List<Consumer> consumers() { return consumers; }
    long keyframeRequests() { return keyframeRequests; }

    /** Learns the SSRC of an m-section offered without a=ssrc (from the mid extension of its first packet). */
    void bindSsrc(long newSsrc) {
        ssrc = newSsrc;
        recv = new RtpStreamRecv(newSsrc, clockRate);
    }

    /**
     * Records a packet accepted for forwarding. Returns true the first time (the track started).
     * Retransmissions feed loss detection but not the jitter and loss statistics.
     */
    boolean onPacket(RtpPacket rtp, boolean retransmission, long nowNanos) {
        if (!retransmission) {
            recv.onPacket(rtp.sequenceNumber(), rtp.timestamp(), rtp.length(), nowNanos);
        }
        if (nack != null) {
            nack.onPacket(rtp.sequenceNumber());
        }
        if (!announced) {
            announced = true;
            return true;
        }
        return false;
    }

    boolean announced() { return announced; }

    /** Forgets the announcement (demotion); returns whether the track had been announced. */
    boolean retract() {
        boolean was = announced;
        announced = false;
        return was;
    }

    /**
     * Asks the publisher for a keyframe unless one was asked for less than
     * {@link #KEYFRAME_REQUEST_INTERVAL_NANOS} ago. Returns whether a request went out.
     */
    boolean requestKeyframe(long nowNanos) {
        if (track.kind() != MediaKind.VIDEO || ssrc < 0) {
            return false;
        }
        if (keyframeRequested && nowNanos - lastKeyframeRequestNanos < KEYFRAME_REQUEST_INTERVAL_NANOS) {
            return false;
        }
        if (!publisher.sendPli(ssrc)) {
            return false;
        }
        keyframeRequested = true;
        lastKeyframeRequestNanos = nowNanos;
        keyframeRequests++;
        return true;
    }

    void addConsumer(Consumer c) {
        consumers.add(c);
    }

    void removeConsumer(Consumer c) {
        consumers.remove(c);
    }
}
