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
    private final byte[] midScratch = new byte[32];

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
        Producer producer = null;
        boolean retransmission = false;
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            Producer candidate = producers.get(i);
            if (candidate.ssrc() == ssrc) {
                producer = candidate;
                break;
            }
            if (candidate.rtxSsrc() == ssrc && candidate.ssrc() >= 0) {
                int newLength = Rtx.decapsulate(rtp, candidate.payloadType(), candidate.ssrc());
                if (newLength < 0) {
                    counters.drop(DropReason.PADDING_ONLY); // bandwidth probes: nothing to forward
                    return;
                }
                p.setLength(newLength);
                producer = candidate;
                retransmission = true;
                break;
            }
        }
        if (producer == null) {
            producer = bindByMid(ssrc);
        }
        if (producer == null) {
            counters.drop(DropReason.UNKNOWN_SSRC);
            return;
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
        List<Consumer> consumers = producer.consumers();
        for (int i = 0; i < consumers.size(); i++) {
            consumers.get(i).forward(rtp, now, counters);
        }
    }

    /** An m-section offered without a=ssrc: its first packet names it by the mid extension. */
    private Producer bindByMid(long ssrc) {
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            Producer candidate = producers.get(i);
            int midId = candidate.extensions().mid();
            if (candidate.ssrc() >= 0 || midId <= 0) {
                continue;
            }
            int at = rtp.findExtension(midId);
            int len = rtp.extensionLength(midId);
            if (at < 0 || len <= 0 || len > midScratch.length) {
                continue;
            }
            String mid = candidate.mid();
            if (mid.length() == len && mid.equals(new String(rtp.buffer(), at, len, java.nio.charset.StandardCharsets.US_ASCII))) {
                candidate.bindSsrc(ssrc); // allocates once per track, not per packet
                return candidate;
            }
        }
        return null;
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
                counters.drop(DropReason.UNEXPECTED_RTP);
            }
        } finally {
            p.release();
        }
    }

    static boolean hasTransportCc(RtpPacket rtp, int id) {
        return id > 0 && rtp.extensionLength(id) == TransportCcExtension.DATA_LENGTH;
    }
}
