package org.roundtable.sfu.conference;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.sfu.forward.NackGenerator;
import org.roundtable.sfu.forward.RetransmissionCache;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.Vp8PayloadDescriptor;
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
    /** About 2 s of 2.5 Mbit/s video (768 KB once full, per video track, whatever the audience). */
    static final int HISTORY_PACKETS = 512;

    private final TrackInfo track;
    private final Endpoint publisher;
    private final String mid;
    private final String codecName;
    private final int payloadType;
    private final int clockRate;
    private final int rtxPayloadType;
    private final ExtensionIds extensions;
    private final boolean nackEnabled;
    private final String forwardedRid;
    private long ssrc;
    private long rtxSsrc;
    private RtpStreamRecv recv;
    private final NackGenerator nack;
    /** The forwarded video packets, for consumers answering NACKs; null for audio. */
    private final RetransmissionCache history;
    private final List<Consumer> consumers = new ArrayList<>();
    private boolean announced;
    private long lastKeyframeRequestNanos;
    private boolean keyframeRequested;
    /** A request arrived inside the rate-limit interval: sent when it ends, unless a keyframe came. */
    private boolean keyframePending;
    private final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
    private final boolean vp8Codec;
    private long keyframesReceived;
    private long keyframeRequests;

    Producer(TrackInfo track, Endpoint publisher, String mid, String codecName, int payloadType, int clockRate,
             int rtxPayloadType, long ssrc, long rtxSsrc, ExtensionIds extensions, boolean nackEnabled,
             String forwardedRid) {
        this.forwardedRid = forwardedRid;
        this.vp8Codec = "VP8".equalsIgnoreCase(codecName);
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
        this.history = track.kind() == MediaKind.VIDEO ? new RetransmissionCache(HISTORY_PACKETS) : null;
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
    /** The simulcast layer forwarded (its rid), or null without simulcast. */
    String forwardedRid() { return forwardedRid; }

    void bindRtxSsrc(long newRtxSsrc) {
        rtxSsrc = newRtxSsrc;
    }
    NackGenerator nack() { return nack; }
    /** The forwarded packets as received (video only; else null). */
    RetransmissionCache history() { return history; }

    /** Keeps a forwarded packet (as received, before any consumer rewrote it) for resends. */
    void remember(RtpPacket rtp) {
        if (history != null) {
            history.store(rtp.ssrc(), rtp.sequenceNumber(), rtp.buffer(), rtp.offset(), rtp.length());
        }
    }
    RtpStreamRecv recv() { return recv; }
    List<Consumer> consumers() { return consumers; }
    long keyframeRequests() { return keyframeRequests; }

    /** Learns the SSRC of an m-section offered without a=ssrc (from the mid extension of its first packet). */
    void bindSsrc(long newSsrc) {
        ssrc = newSsrc;
        recv = new RtpStreamRecv(newSsrc, clockRate);
    }

    /**
     * The publisher restarted the track with new SSRCs (renegotiation, new encoder): the same
     * producer continues, so its consumers keep one continuous stream (their rewriters see the
     * new SSRC and splice it on).
     */
    void rebind(long newSsrc, long newRtxSsrc) {
        rtxSsrc = newRtxSsrc;
        if (newSsrc >= 0) {
            bindSsrc(newSsrc);
        } else {
            ssrc = -1;
            recv = null;
        }
        if (nack != null) {
            nack.reset();
        }
        keyframeRequested = false;
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
        if (vp8Codec && rtp.payloadLength() > 0
                && vp8.wrap(rtp.buffer(), rtp.payloadOffset(), rtp.payloadLength()).isValid() && vp8.isKeyframe()) {
            keyframesReceived++;
            keyframePending = false; // every consumer present now gets this keyframe
        }
        if (!announced) {
            announced = true;
            return true;
        }
        return false;
    }

    boolean announced() { return announced; }

    /**
     * Whether a retransmission of {@code seq} is worth forwarding: only when that packet is still
     * missing here. A publisher also resends packets that did arrive (a NACK raced the original,
     * or its bandwidth probes); forwarding those sends every receiver a duplicate.
     */
    boolean wantsRetransmission(int seq) {
        return nack == null || nack.isMissing(seq);
    }

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
            keyframePending = true;
            return false;
        }
        if (!publisher.sendPli(ssrc)) {
            return false;
        }
        keyframeRequested = true;
        keyframePending = false;
        lastKeyframeRequestNanos = nowNanos;
        keyframeRequests++;
        return true;
    }

    /**
     * Sends a keyframe request that was held back by the rate limit once the interval is over
     * (a receiver that joined just after another would otherwise wait for the encoder's next
     * periodic keyframe).
     */
    void flushPendingKeyframeRequest(long nowNanos) {
        if (keyframePending && nowNanos - lastKeyframeRequestNanos >= KEYFRAME_REQUEST_INTERVAL_NANOS) {
            requestKeyframe(nowNanos);
        }
    }

    long keyframesReceived() { return keyframesReceived; }

    void addConsumer(Consumer c) {
        consumers.add(c);
    }

    void removeConsumer(Consumer c) {
        consumers.remove(c);
    }
}
