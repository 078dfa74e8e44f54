package org.roundtable.sfu.conference;

import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.forward.ResendIndex;
import org.roundtable.sfu.forward.RetransmissionCache;
import org.roundtable.sfu.forward.StreamRewriter;
import org.roundtable.sfu.policy.Allocation;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.Rtx;
import org.roundtable.sfu.stats.RtpStreamSend;
import org.roundtable.sfu.worker.DropReason;
import org.roundtable.sfu.worker.WorkerCounters;

/**
 * One published track as sent to one receiver: rewrites each packet of its producer onto the
 * receiver's SSRC, payload type, header-extension ids and one continuous sequence/timestamp
 * space, keeps what it sent to answer NACKs, and counts it for sender reports.
 * Confined to the conference's worker.
 */
final class Consumer {
    /** The same lost packet is resent at most once in this interval (NACK bursts). */
    private static final long RESEND_INTERVAL_NANOS = 20_000_000L;
    /** As far back as the producer's history reaches. */
    static final int RESEND_PACKETS = Producer.HISTORY_PACKETS;

    private final Producer producer;
    private final Endpoint receiver;
    private final String mid;
    private final long ssrc;
    private final long rtxSsrc;
    private final int payloadType;
    private final int rtxPayloadType;
    private final byte[] extensionMap;
    private final int transportCcId;
    private final int absSendTimeId;
    private final byte[] cname;
    private final StreamRewriter rewriter;
    /** What was sent, to rebuild a NACKed packet from the producer's history; null: no NACK. */
    private final ResendIndex sent;
    private final RtpStreamSend sendStats;
    private final RtpPacket out = new RtpPacket();
    private final RtpPacket rebuilt = new RtpPacket();
    private int rtxSeq;
    private boolean keyframeAsked;
    private long retransmissions;

    Consumer(Producer producer, Endpoint receiver, String mid, long ssrc, long rtxSsrc, int payloadType,
             int rtxPayloadType, ExtensionIds receiverExtensions, boolean nackNegotiated, byte[] cname) {
        this.producer = producer;
        this.receiver = receiver;
        this.mid = mid;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.payloadType = payloadType;
        this.rtxPayloadType = rtxPayloadType;
        this.extensionMap = ExtensionIds.remapTable(producer.extensions(), receiverExtensions);
        this.transportCcId = receiverExtensions.transportCc();
        this.absSendTimeId = receiverExtensions.absSendTime();
        this.cname = cname;
        this.rewriter = new StreamRewriter(producer.clockRate());
        this.sent = nackNegotiated && producer.history() != null ? new ResendIndex(RESEND_PACKETS) : null;
        this.sendStats = new RtpStreamSend(ssrc, producer.clockRate());
        this.rtxSeq = java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000);
    }

    Producer producer() { return producer; }
    Endpoint receiver() { return receiver; }
    String mid() { return mid; }
    long ssrc() { return ssrc; }
    long rtxSsrc() { return rtxSsrc; }
    byte[] cname() { return cname; }
    RtpStreamSend sendStats() { return sendStats; }
    StreamRewriter rewriter() { return rewriter; }
    long retransmissions() { return retransmissions; }

    /**
     * Forwards one accepted packet of the producer, if the allocation says this receiver gets it.
     * {@code receivedNanos}: when the original arrived (0 if unknown), for the forwarding delay.
     */
    void forward(RtpPacket src, long receivedNanos, long nowNanos, WorkerCounters counters) {
        Leg leg = receiver.subscribeLeg();
        if (!Allocation.consumerGets(leg.isConnected(), receiver == producer.publisher())) {
            if (receiver != producer.publisher()) {
                counters.drop(DropReason.NOT_CONNECTED); // a receiver still joining: it could decrypt nothing yet
            }
            return;
        }
        if (!keyframeAsked) {
            keyframeAsked = true;
            producer.requestKeyframe(nowNanos); // a new receiver cannot decode before a keyframe
        }
        PacketBuffer buf = leg.pool().take();
        buf.copyFrom(src.buffer(), src.offset(), src.length());
        buf.receivedNanos(receivedNanos);
        RtpPacket p = out.wrap(buf.getBuffer(), buf.getOffset(), buf.getLength());
        rewriter.rewrite(src.ssrc(), src.sequenceNumber(), src.timestamp(), nowNanos);
        p.setSsrc(ssrc);
        p.setSequenceNumber(rewriter.seq());
        p.setTimestamp(rewriter.ts());
        p.setPayloadType(payloadType);
        if (p.hasExtensions()) {
            p.remapExtensionIds(extensionMap);
        }
        if (sent != null) {
            sent.record(rewriter.seq(), rewriter.ts(), src.ssrc(), src.sequenceNumber());
        }
        sendStats.onSent(rewriter.ts(), p.payloadLength(), nowNanos);
        leg.stampAndSendRtp(buf, p, transportCcId, absSendTimeId, nowNanos);
    }

    /**
     * Answers a NACK for {@code seq}: rebuilds the packet sent with it from the producer's history
     * (same SSRC, sequence number, timestamp and extensions as then) and resends it, as RTX when
     * negotiated.
     */
    boolean resend(int seq, long nowNanos, WorkerCounters counters) {
        if (sent == null) {
            return false;
        }
        int slot = sent.find(seq);
        RetransmissionCache history = producer.history();
        int stored = slot < 0 ? -1 : history.find(sent.sourceSsrc(slot), sent.sourceSeq(slot));
        if (stored < 0) {
            counters.drop(DropReason.NACK_MISS);
            return false;
        }
        if (!sent.claimResend(slot, nowNanos, RESEND_INTERVAL_NANOS)) {
            return false;
        }
        Leg leg = receiver.subscribeLeg();
        PacketBuffer plain = leg.pool().take();
        plain.copyFrom(history.data(stored), 0, history.length(stored));
        RtpPacket original = rebuilt.wrap(plain.getBuffer(), plain.getOffset(), plain.getLength());
        original.setSsrc(ssrc);
        original.setSequenceNumber(seq);
        original.setTimestamp(sent.outTimestamp(slot));
        original.setPayloadType(payloadType);
        if (original.hasExtensions()) {
            original.remapExtensionIds(extensionMap);
        }
        PacketBuffer buf = plain;
        if (rtxPayloadType >= 0 && rtxSsrc >= 0) {
            buf = leg.pool().take();
            int len = Rtx.encapsulate(original, rtxPayloadType, rtxSsrc, rtxSeq, buf.getBuffer(), PacketBuffer.HEAD_ROOM);
            plain.release();
            if (len < 0) {
                buf.release();
                counters.drop(DropReason.TOO_LARGE);
                return false;
            }
            rtxSeq = (rtxSeq + 1) & 0xFFFF;
            buf.setOffset(PacketBuffer.HEAD_ROOM);
            buf.setLength(len);
        }
        RtpPacket p = out.wrap(buf.getBuffer(), buf.getOffset(), buf.getLength());
        retransmissions++;
        counters.countRetransmissionSent();
        return leg.stampAndSendRtp(buf, p, transportCcId, absSendTimeId, nowNanos);
    }

    /** RTP timestamp of this stream at {@code nowNanos}, for a sender report. */
    long rtpTimestampAt(long nowNanos) {
        var recv = producer.recv();
        if (recv != null && recv.hasSenderReport() && rewriter.started()) {
            // follow the publisher's own clock mapping so receivers keep its audio/video in sync
            long ticks = (nowNanos - recv.lastSrArrivalNanos()) * producer.clockRate() / 1_000_000_000L;
            return (recv.lastSrRtpTs() + ticks + rewriter.tsOffset()) & 0xFFFFFFFFL;
        }
        return sendStats.rtpTimestampAt(nowNanos);
    }
}
