package org.roundtable.sfu.conference;

import java.util.List;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.policy.Allocation;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.Rtx;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.worker.DropReason;
import org.roundtable.sfu.worker.WorkerCounters;

/**
 * The receive path of one endpoint's two legs: decrypts, classifies, applies the allocation's
 * verdict and hands accepted RTP to the producer's consumers; RTCP goes to {@link EndpointRtcp}.
 * Owns each received buffer and releases it. Confined to the conference's worker.
 */
final class PublishReceiver {
    private final Endpoint endpoint;
    private final WorkerCounters counters;
    private final RtpPacket rtp = new RtpPacket();

    PublishReceiver(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.counters = endpoint.counters();
    }

    void onPublishPacket(PacketBuffer p) {
        try {
            Leg leg = endpoint.publishLeg();
            if (!leg.hasTransport() || !leg.transport().unprotect(p)) {
                counters.drop(DropReason.SRTP);
                return;
            }
            long now = endpoint.worker().nanos();
            byte[] b = p.getBuffer();
            int off = p.getOffset();
            int len = p.getLength();
            counters.packetIn(len);
            if (RtpPacket.looksLikeRtcp(b, off, len)) {
                endpoint.rtcp().onRtcpFromPublisher(b, off, len, now);
                return;
            }
            if (!RtpPacket.looksLikeRtp(b, off, len) || !rtp.wrap(b, off, len).isValid()) {
                counters.drop(DropReason.MALFORMED);
                return;
            }
            onRtp(p, now);
        } finally {
            p.release();
        }
    }

    private void onRtp(PacketBuffer p, long now) {
        // Every packet that reached us counts for the publisher's bandwidth estimate, even one we drop.
        endpoint.rtcp().recordTransportCc(rtp, now);
        if (!endpoint.mayPublish()) {
            counters.drop(DropReason.NOT_PUBLISHER);
            return;
        }
        long ssrc = rtp.ssrc();
        int match = findProducer(ssrc);
        if (match == NONE && bindByMid(ssrc)) {
            match = findProducer(ssrc);
        }
        if (match == NONE) {
            counters.drop(lastUnboundWasOtherLayer ? DropReason.LAYER_NOT_FORWARDED : DropReason.UNKNOWN_SSRC);
            return;
        }
        boolean retransmission = (match & RTX_FLAG) != 0;
        Producer producer = endpoint.producers().get(match & ~RTX_FLAG);
        if (retransmission) {
            int newLength = Rtx.decapsulate(rtp, producer.payloadType(), producer.ssrc());
            if (newLength < 0) {
                counters.drop(DropReason.PADDING_ONLY); // bandwidth probes: nothing to forward
                return;
            }
            p.setLength(newLength);
            if (!producer.wantsRetransmission(rtp.sequenceNumber())) {
                counters.drop(DropReason.DUPLICATE_RETRANSMISSION);
                return;
            }
        }
        Allocation.Verdict verdict = Allocation.forPublished(producer.kind(), true,
                endpoint.audioForwarded(), endpoint.videoForwarded());
        if (verdict != Allocation.Verdict.FORWARD) {
            counters.drop(verdict == Allocation.Verdict.NOT_PUBLISHER ? DropReason.NOT_PUBLISHER : DropReason.MUTED_BY_SERVER);
            return;
        }
        if (producer.onPacket(rtp, retransmission, now)) {
            endpoint.conference().announceAdded(producer);
        }
        producer.remember(rtp);
        List<Consumer> consumers = producer.consumers();
        for (int i = 0; i < consumers.size(); i++) {
            consumers.get(i).forward(rtp, p.receivedNanos(), now, counters);
        }
    }

    private static final int NONE = -1;
    private static final int RTX_FLAG = 1 << 30;

    /** Index of the producer sending {@code ssrc} (with {@link #RTX_FLAG} when it is its RTX), or {@link #NONE}. */
    private int findProducer(long ssrc) {
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            Producer candidate = producers.get(i);
            if (candidate.ssrc() == ssrc) {
                return i;
            }
            if (candidate.rtxSsrc() == ssrc && candidate.ssrc() >= 0) {
                return i | RTX_FLAG;
            }
        }
        return NONE;
    }

    private boolean lastUnboundWasOtherLayer;

    /**
     * An m-section offered without a=ssrc (Chromium's simulcast): packets name it by the mid
     * extension, and the layer by rid (repaired-rid for its RTX). Only the producer's forwarded
     * layer is bound; the other layers are counted and dropped.
     */
    private boolean bindByMid(long ssrc) {
        lastUnboundWasOtherLayer = false;
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            Producer candidate = producers.get(i);
            ExtensionIds ids = candidate.extensions();
            if (!extensionEquals(ids.mid(), candidate.mid())) {
                continue;
            }
            String rid = candidate.forwardedRid();
            if (rid == null) {
                if (candidate.ssrc() < 0) {
                    candidate.bindSsrc(ssrc); // allocates once per track, not per packet
                    return true;
                }
                continue;
            }
            if (candidate.ssrc() < 0 && extensionEquals(ids.id(ExtensionIds.RID), rid)) {
                candidate.bindSsrc(ssrc);
                return true;
            }
            if (candidate.rtxSsrc() < 0 && candidate.rtxPayloadType() >= 0
                    && extensionEquals(ids.id(ExtensionIds.REPAIRED_RID), rid)) {
                candidate.bindRtxSsrc(ssrc);
                return true;
            }
            lastUnboundWasOtherLayer = true;
        }
        return false;
    }

    /** Whether extension {@code id} of the current packet holds exactly the ASCII {@code value}; no allocation. */
    private boolean extensionEquals(int id, String value) {
        if (id <= 0) {
            return false;
        }
        int at = rtp.findExtension(id);
        int len = rtp.extensionLength(id);
        if (at < 0 || len != value.length()) {
            return false;
        }
        byte[] b = rtp.buffer();
        for (int i = 0; i < len; i++) {
            if (b[at + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The subscribe leg carries only the receiver's RTCP. */
    void onSubscribePacket(PacketBuffer p) {
        try {
            Leg leg = endpoint.subscribeLeg();
            if (!leg.hasTransport() || !leg.transport().unprotect(p)) {
                counters.drop(DropReason.SRTP);
                return;
            }
            byte[] b = p.getBuffer();
            int off = p.getOffset();
            int len = p.getLength();
            counters.packetIn(len);
            if (RtpPacket.looksLikeRtcp(b, off, len)) {
                endpoint.rtcp().onRtcpFromReceiver(b, off, len, endpoint.worker().nanos());
            } else {
                // media on the receive-only connection: from a pure receiver it is a role violation
                counters.drop(endpoint.mayPublish() ? DropReason.UNEXPECTED_RTP : DropReason.NOT_PUBLISHER);
            }
        } finally {
            p.release();
        }
    }

    static boolean hasTransportCc(RtpPacket rtp, int id) {
        return id > 0 && rtp.extensionLength(id) == TransportCcExtension.DATA_LENGTH;
    }
}
