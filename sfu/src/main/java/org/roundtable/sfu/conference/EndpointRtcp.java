package org.roundtable.sfu.conference;

import java.util.List;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.forward.TransportCcRecorder;
import org.roundtable.sfu.rtcp.Fir;
import org.roundtable.sfu.rtcp.GenericNack;
import org.roundtable.sfu.rtcp.Pli;
import org.roundtable.sfu.rtcp.ReceiverReport;
import org.roundtable.sfu.rtcp.Remb;
import org.roundtable.sfu.rtcp.ReportBlock;
import org.roundtable.sfu.rtcp.RtcpCompound;
import org.roundtable.sfu.rtcp.RtcpHeader;
import org.roundtable.sfu.rtcp.Sdes;
import org.roundtable.sfu.rtcp.SenderReport;
import org.roundtable.sfu.rtcp.TransportCcFeedback;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.stats.RtpStreamRecv;
import org.roundtable.sfu.worker.DropReason;
import org.roundtable.sfu.worker.WorkerCounters;

/**
 * The SFU as an RTP endpoint towards one participant: reads the RTCP it sends (sender reports
 * from its publish leg; receiver reports, NACK, PLI/FIR, REMB and transport-cc feedback from its
 * subscribe leg) and writes ours (receiver reports, NACK, PLI and transport-cc feedback on the
 * publish leg; sender reports on the subscribe leg). Confined to the conference's worker.
 */
final class EndpointRtcp {
    /** RTCP datagrams stay well below the path MTU. */
    private static final int MAX_COMPOUND = 1100;
    /** Packets per transport-cc feedback: keeps it within one datagram. */
    private static final int MAX_FEEDBACK_PACKETS = 400;

    private final Endpoint endpoint;
    private final WorkerCounters counters;
    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport sr = new SenderReport();
    private final ReceiverReport rr = new ReceiverReport();
    private final GenericNack nack = new GenericNack();
    private final Pli pli = new Pli();
    private final Fir fir = new Fir();
    private final Remb remb = new Remb();
    private final TransportCcFeedback feedbackView = new TransportCcFeedback();
    private final TransportCcRecorder arrivals = new TransportCcRecorder();
    private final TransportCcFeedback.Builder feedback = new TransportCcFeedback.Builder(MAX_FEEDBACK_PACKETS);
    private final int[] seqs = new int[256];
    private long transportCcFeedbacksReceived;
    private long rembsReceived;

    EndpointRtcp(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.counters = endpoint.counters();
    }

    long transportCcFeedbacksReceived() { return transportCcFeedbacksReceived; }
    long rembsReceived() { return rembsReceived; }
    TransportCcRecorder arrivals() { return arrivals; }

    // ---- incoming ----

    /** Records the transport-wide sequence number of a packet from the publisher. */
    void recordTransportCc(RtpPacket rtp, long nowNanos) {
        int id = publisherTransportCcId();
        if (id <= 0) {
            return;
        }
        int at = rtp.findExtension(id);
        if (at >= 0 && rtp.extensionLength(id) == TransportCcExtension.DATA_LENGTH) {
            arrivals.record(TransportCcExtension.read(rtp.buffer(), at), nowNanos);
        }
    }

    private int publisherTransportCcId() {
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            int id = producers.get(i).extensions().transportCc();
            if (id > 0) {
                return id;
            }
        }
        return 0;
    }

    void onRtcpFromPublisher(byte[] b, int off, int len, long nowNanos) {
        counters.countRtcpIn();
        if (!compound.wrap(b, off, len).isValid()) {
            counters.drop(DropReason.MALFORMED);
            return;
        }
        while (compound.next()) {
            if (compound.packetType() == RtcpHeader.SR
                    && sr.wrap(b, compound.packetOffset(), compound.packetLength()).isValid()) {
                Producer p = producerBySsrc(sr.senderSsrc());
                if (p != null && p.recv() != null) {
                    p.recv().onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), nowNanos);
                }
            }
            // SDES, BYE and the publisher's own receiver reports (on nothing we send it) need no action
        }
    }

    void onRtcpFromReceiver(byte[] b, int off, int len, long nowNanos) {
        counters.countRtcpIn();
        if (!compound.wrap(b, off, len).isValid()) {
            counters.drop(DropReason.MALFORMED);
            return;
        }
        while (compound.next()) {
            int po = compound.packetOffset();
            int pl = compound.packetLength();
            int fmt = compound.countOrFmt();
            switch (compound.packetType()) {
                case RtcpHeader.RR -> {
                    if (rr.wrap(b, po, pl).isValid()) {
                        for (int i = 0; i < rr.reportCount(); i++) {
                            onReportBlock(rr.reportBlock(i));
                        }
                    }
                }
                case RtcpHeader.SR -> {
                    if (sr.wrap(b, po, pl).isValid()) {
                        for (int i = 0; i < sr.reportCount(); i++) {
                            onReportBlock(sr.reportBlock(i));
                        }
                    }
                }
                case RtcpHeader.RTPFB -> {
                    if (fmt == GenericNack.FMT && nack.wrap(b, po, pl).isValid()) {
                        onNack(nowNanos);
                    } else if (fmt == TransportCcFeedback.FMT && feedbackView.wrap(b, po, pl).isValid()) {
                        transportCcFeedbacksReceived++;
                        counters.countTransportCcFeedbackReceived();
                        onTransportCcFeedback();
                    }
                }
                case RtcpHeader.PSFB -> {
                    if (fmt == Pli.FMT && pli.wrap(b, po, pl).isValid()) {
                        Consumer c = consumerBySsrc(pli.mediaSsrc());
                        if (c != null) {
                            c.producer().requestKeyframe(nowNanos);
                        }
                    } else if (fmt == Fir.FMT && fir.wrap(b, po, pl).isValid()) {
                        for (int i = 0; i < fir.entryCount(); i++) {
                            Consumer c = consumerBySsrc(fir.ssrc(i));
                            if (c != null) {
                                c.producer().requestKeyframe(nowNanos);
                            }
                        }
                    } else if (fmt == Remb.FMT && Remb.matches(b, po, pl) && remb.wrap(b, po, pl).isValid()) {
                        rembsReceived++;
                        counters.countRembReceived();
                        endpoint.subscribeLeg().estimatedBitrateBps(remb.bitrate());
                    }
                }
                default -> { } // SDES, BYE, XR: nothing to do for a receiver
            }
        }
    }

    /** Turns a receiver's feedback into acknowledged bytes for its bandwidth measurement. */
    private void onTransportCcFeedback() {
        Leg leg = endpoint.subscribeLeg();
        long bytesAfterFirst = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        int received = 0;
        int lost = 0;
        while (feedbackView.next()) {
            if (!feedbackView.received()) {
                lost++;
                continue;
            }
            int size = leg.sentHistory().size(feedbackView.sequenceNumber());
            if (size < 0) {
                continue; // older than our history: cannot be attributed
            }
            long arrival = feedbackView.arrivalMicros();
            if (received == 0) {
                first = arrival;
            } else {
                bytesAfterFirst += size;
            }
            last = Math.max(last, arrival);
            received++;
        }
        leg.ackedBitrate().onFeedback(bytesAfterFirst, first, last, received, lost);
    }

    private void onReportBlock(ReportBlock block) {
        Consumer c = consumerBySsrc(block.ssrc());
        if (c != null) {
            c.sendStats().onReceiverReport(block.fractionLost(), block.cumulativeLost(), block.jitter());
        }
    }

    private void onNack(long nowNanos) {
        counters.countNackReceived();
        Consumer c = consumerBySsrc(nack.mediaSsrc());
        if (c == null) {
            return;
        }
        int n = nack.lostSequenceNumbers(seqs);
        for (int i = 0; i < n; i++) {
            c.resend(seqs[i], nowNanos, counters);
        }
    }

    private Producer producerBySsrc(long ssrc) {
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            if (producers.get(i).ssrc() == ssrc) {
                return producers.get(i);
            }
        }
        return null;
    }

    private Consumer consumerBySsrc(long ssrc) {
        List<Consumer> consumers = endpoint.consumers();
        for (int i = 0; i < consumers.size(); i++) {
            if (consumers.get(i).ssrc() == ssrc) {
                return consumers.get(i);
            }
        }
        return null;
    }

    // ---- outgoing ----

    boolean sendPli(long mediaSsrc) {
        Leg leg = endpoint.publishLeg();
        if (!leg.isConnected()) {
            return false;
        }
        PacketBuffer out = leg.pool().take();
        int len = Pli.write(out.getBuffer(), out.getOffset(), leg.rtcpSsrc(), mediaSsrc);
        out.setLength(len);
        counters.countPliSent();
        return leg.sendRtcp(out);
    }

    /**
     * NACKs what each producer's loss detection asks for now; a PLI where NACK gave up, or where
     * a keyframe request was held back by the rate limit and no keyframe came since.
     */
    void sendNacks(long nowNanos) {
        Leg leg = endpoint.publishLeg();
        if (!leg.isConnected()) {
            return;
        }
        List<Producer> producers = endpoint.producers();
        for (int i = 0; i < producers.size(); i++) {
            Producer p = producers.get(i);
            p.flushPendingKeyframeRequest(nowNanos);
            if (p.nack() == null || p.ssrc() < 0) {
                continue;
            }
            int n = p.nack().collect(nowNanos, seqs);
            if (n > 0) {
                PacketBuffer out = leg.pool().take();
                int len = GenericNack.write(out.getBuffer(), out.getOffset(), leg.rtcpSsrc(), p.ssrc(), seqs, n);
                out.setLength(len);
                counters.countNackSent();
                leg.sendRtcp(out);
            }
            if (p.nack().takeKeyframeNeeded()) {
                p.requestKeyframe(nowNanos);
            }
        }
    }

    /** Reports the arrival times of the publisher's packets since the last feedback. */
    void sendTransportCcFeedback(long nowNanos) {
        Leg leg = endpoint.publishLeg();
        if (!leg.isConnected()) {
            return;
        }
        long mediaSsrc = endpoint.producers().isEmpty() ? 0 : Math.max(0, endpoint.producers().get(0).ssrc());
        while (arrivals.hasPending()) {
            feedback.reset();
            long base = arrivals.baseExt();
            long last = base - 1;
            long end = arrivals.highestExt();
            for (long ext = base; ext <= end; ext++) {
                long arrival = arrivals.arrivalNanos(ext);
                boolean added = arrival < 0 ? feedback.addLost() : feedback.addReceived(arrival / 1000);
                if (!added) {
                    break; // full, or a delta too large for this feedback: the rest goes in the next one
                }
                last = ext;
            }
            if (last < base || !feedback.hasReceived()) {
                arrivals.markReportedThrough(Math.max(last, base));
                continue;
            }
            int count = arrivals.markReportedThrough(last);
            PacketBuffer out = leg.pool().take();
            int len = feedback.write(out.getBuffer(), out.getOffset(), leg.rtcpSsrc(), mediaSsrc, (int) (base & 0xFFFF), count);
            out.setLength(len);
            counters.countTransportCcFeedbackSent();
            leg.sendRtcp(out);
        }
    }

    /** Receiver reports (with SDES) on the publish leg for every stream we receive. */
    void sendReceiverReports(long nowNanos) {
        Leg leg = endpoint.publishLeg();
        if (!leg.isConnected()) {
            return;
        }
        List<Producer> producers = endpoint.producers();
        PacketBuffer out = leg.pool().take();
        byte[] b = out.getBuffer();
        int start = out.getOffset();
        int rrLen = ReceiverReport.write(b, start, leg.rtcpSsrc());
        for (int i = 0; i < producers.size() && i < 31; i++) {
            RtpStreamRecv s = producers.get(i).recv();
            if (s == null || !s.started()) {
                continue;
            }
            rrLen += ReportBlock.append(b, start, s.ssrc(), s.takeFractionLost(), s.cumulativeLost(),
                    s.extendedHighestSeq() & 0xFFFFFFFFL, s.jitter(), s.lsr(), s.dlsr(nowNanos));
        }
        int len = rrLen + Sdes.write(b, start + rrLen, leg.rtcpSsrc(), endpoint.cname());
        out.setLength(len);
        leg.sendRtcp(out);
    }

    /** Sender reports (each with its SDES CNAME) on the subscribe leg for every stream we send. */
    void sendSenderReports(long nowNanos) {
        Leg leg = endpoint.subscribeLeg();
        if (!leg.isConnected()) {
            return;
        }
        List<Consumer> consumers = endpoint.consumers();
        long ntp = endpoint.conference().context().ntp().ntp(nowNanos);
        PacketBuffer out = null;
        int len = 0;
        for (int i = 0; i < consumers.size(); i++) {
            Consumer c = consumers.get(i);
            if (!c.sendStats().hasSent()) {
                continue;
            }
            int need = SenderReport.size(0) + Sdes.size(c.cname().length);
            if (out != null && len + need > MAX_COMPOUND) {
                out.setLength(len);
                leg.sendRtcp(out);
                out = null;
            }
            if (out == null) {
                out = leg.pool().take();
                len = 0;
            }
            byte[] b = out.getBuffer();
            int at = out.getOffset() + len;
            len += SenderReport.write(b, at, c.ssrc(), ntp, c.rtpTimestampAt(nowNanos),
                    c.sendStats().packets() & 0xFFFFFFFFL, c.sendStats().octets() & 0xFFFFFFFFL);
            len += Sdes.write(b, out.getOffset() + len, c.ssrc(), c.cname());
        }
        if (out != null) {
            out.setLength(len);
            leg.sendRtcp(out);
        } else if (!consumers.isEmpty()) {
            // nothing sent yet: an RR from the leg's own SSRC keeps the receiver's RTCP state alive
            out = leg.pool().take();
            byte[] b = out.getBuffer();
            int l = ReceiverReport.write(b, out.getOffset(), leg.rtcpSsrc());
            l += Sdes.write(b, out.getOffset() + l, leg.rtcpSsrc(), endpoint.cname());
            out.setLength(l);
            leg.sendRtcp(out);
        }
    }
}
