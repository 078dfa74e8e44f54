package org.roundtable.loadtest.participant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.roundtable.loadtest.media.HeaderExtensionIds;
import org.roundtable.loadtest.media.Pacer;
import org.roundtable.loadtest.media.RtpHeaderWriter;
import org.roundtable.loadtest.media.StreamIds;
import org.roundtable.loadtest.media.SyntheticOpusSource;
import org.roundtable.loadtest.media.SyntheticSource;
import org.roundtable.loadtest.media.SyntheticVp8Source;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.rtcp.GenericNack;
import org.roundtable.sfu.rtcp.RtcpCompound;
import org.roundtable.sfu.rtcp.RtcpHeader;
import org.roundtable.sfu.rtcp.Sdes;
import org.roundtable.sfu.rtcp.SenderReport;
import org.roundtable.sfu.rtcp.TransportCcFeedback;
import org.roundtable.sfu.rtcp.Fir;
import org.roundtable.sfu.rtcp.Pli;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.Rtx;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.NegotiatedMedia;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.loadtest.engine.MediaWorkerClient;

/**
 * The publish peer connection of one simulated minister: offers Opus (and VP8, maybe simulcast)
 * like Chromium, then sends synthetic media on its media worker's schedule, answers NACKs with
 * RTX retransmissions and PLI/FIR with keyframes, and sends SR+SDES every second. Built on the
 * signaling thread; after {@link #start} every method runs on the owning media worker, except
 * the transport callbacks, which only hand over.
 */
public final class PublishConnection extends TransportHandover implements MediaWorkerClient {
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private final ClientTransport transport;
    private final MediaPlan plan;
    private final SplittableRandom random;
    private final String cname;
    private final String streamName;
    private final long audioSsrc;
    private final long[] videoSsrcs;
    private final long rtxSsrc;
    private final int audioTrackNumber;
    private final int videoTrackNumber;

    // media worker state
    private SyntheticOpusSource audio;
    private SyntheticVp8Source[] video = new SyntheticVp8Source[0];
    private RetransmissionCache[] caches = new RetransmissionCache[0];
    /** Per video layer: its pacer (null: unpaced), and how many packets of its current frame are written. */
    private Pacer[] pacers = new Pacer[0];
    private int[] framePackets = new int[0];
    private int[] packetsWritten = new int[0];
    private long[] packetsSent;
    private long[] octetsSent;
    private int rtxPt = -1;
    private int rtxSeq;
    private int transportCcId;
    private int transportSeq;
    private boolean started;
    private long nextAudioNanos;
    private long nextVideoNanos;
    private long nextReportNanos;
    private final RtpPacket rtp = new RtpPacket();
    private final int[] nackSeqs = new int[256];
    private final byte[] cnameBytes;
    private long sentPackets;
    private long sentBytes;
    private long nacksReceived;
    private long retransmissions;
    private long keyframeRequests;
    private long feedbackReceived;
    private long srtcpFailures;

    public PublishConnection(String bindAddress, BufferPool pool, MediaPlan plan, SplittableRandom random, String cname,
                      String streamName, int audioTrackNumber, int videoTrackNumber, ConnectionEvents events) {
        super(1024, events);
        this.transport = ClientTransport.create(bindAddress, this, pool);
        this.plan = plan;
        this.random = random;
        this.cname = cname;
        this.cnameBytes = cname.getBytes(StandardCharsets.UTF_8);
        this.streamName = streamName;
        this.audioSsrc = ssrc(random);
        this.videoSsrcs = new long[plan.layers()];
        for (int i = 0; i < videoSsrcs.length; i++) {
            videoSsrcs[i] = ssrc(random);
        }
        this.rtxSsrc = ssrc(random);
        this.audioTrackNumber = audioTrackNumber;
        this.videoTrackNumber = videoTrackNumber;
    }

    static long ssrc(SplittableRandom random) {
        return 1 + random.nextLong(0xFFFFFFFEL);
    }

    /** The offer: audio in mid 0, video (if any) in mid 1. */
    public String offer() {
        OfferBuilder b = new OfferBuilder(transport.localUfrag(), transport.localPassword(), transport.localFingerprint());
        b.sendAudio(audioSsrc, cname, streamName, streamName + "-audio");
        if (plan.sendVideo()) {
            if (plan.simulcast()) {
                b.sendSimulcastVideo(List.of(MediaPlan.RIDS), streamName, streamName + "-video");
            } else {
                b.sendVideo(videoSsrcs[0], rtxSsrc, cname, streamName, streamName + "-video");
            }
        }
        return b.build();
    }

    /** Applies the server's answer and starts ICE/DTLS. Signaling thread; media starts on the worker once connected. */
    public void accept(String answerSdp) {
        ClientAnswer answer = OfferBuilder.readAnswer(answerSdp);
        NegotiatedMedia a = answer.mediaByMid("0");
        if (a == null || !a.accepted() || a.kind() != MediaKind.AUDIO) {
            throw new IllegalStateException("the server did not accept our audio");
        }
        HeaderExtensionIds audioIds = HeaderExtensionIds.fromIdsByUri(a.extensionIdsByUri());
        transportCcId = audioIds.transportCc();
        audio = new SyntheticOpusSource(new RtpHeaderWriter(a.codec().pt(), audioSsrc, audioIds, a.mid(), null),
                StreamIds.of(audioTrackNumber, 0), plan.audioBitrate(), random.split());
        if (plan.sendVideo()) {
            NegotiatedMedia v = answer.mediaByMid("1");
            if (v == null || !v.accepted() || !v.codec().isNamed("VP8")) {
                throw new IllegalStateException("the server did not accept our VP8 video");
            }
            HeaderExtensionIds videoIds = HeaderExtensionIds.fromIdsByUri(v.extensionIdsByUri());
            rtxPt = plan.simulcast() ? -1 : v.rtxPt();
            video = new SyntheticVp8Source[plan.layers()];
            caches = new RetransmissionCache[plan.layers()];
            pacers = new Pacer[plan.layers()];
            framePackets = new int[plan.layers()];
            packetsWritten = new int[plan.layers()];
            for (int layer = 0; layer < video.length; layer++) {
                String rid = plan.simulcast() ? MediaPlan.RIDS[layer] : null;
                int streamLayer = plan.simulcast() ? layer + 1 : 0;
                video[layer] = new SyntheticVp8Source(
                        new RtpHeaderWriter(v.codec().pt(), videoSsrcs[layer], videoIds, v.mid(), rid),
                        StreamIds.of(videoTrackNumber, streamLayer), plan.layerWidth(layer), plan.layerHeight(layer),
                        plan.fps(), plan.layerBitrate(layer), plan.keyframeIntervalFrames(), plan.simulcast(),
                        random.split());
                caches[layer] = new RetransmissionCache();
                pacers[layer] = plan.paced() ? new Pacer(plan.layerBitrate(layer)) : null;
            }
        }
        packetsSent = new long[1 + video.length];
        octetsSent = new long[1 + video.length];
        rtxSeq = random.nextInt(0x10000);
        transport.connect(answer.iceUfrag(), answer.icePwd(), answer.candidateHost(), answer.candidatePort(),
                answer.fingerprintAlgo(), answer.fingerprintHex());
    }

    // ---- media worker

    @Override
    public long tick(long now, PacketBuffer scratch) {
        drainInbox(scratch);
        if (!connected || closedReason != null || audio == null) {
            return now + 2_000_000L;
        }
        if (!started) {
            started = true;
            nextAudioNanos = now;
            nextVideoNanos = now;
            nextReportNanos = now + REPORT_INTERVAL_NANOS / 2;
        }
        if (now >= nextAudioNanos) {
            sendUnit(audio, 0, scratch);
            nextAudioNanos = advance(nextAudioNanos, audio.intervalNanos(), now);
        }
        if (video.length > 0 && now >= nextVideoNanos) {
            for (int layer = 0; layer < video.length; layer++) {
                // a frame the pacer has not finished (it never should at 2.5x) is completed first
                writeVideo(layer, Integer.MAX_VALUE, now, scratch);
                framePackets[layer] = video[layer].nextFrame(System.nanoTime());
                packetsWritten[layer] = 0;
            }
            nextVideoNanos = advance(nextVideoNanos, video[0].intervalNanos(), now);
        }
        long next = Math.min(nextAudioNanos, nextReportNanos);
        for (int layer = 0; layer < video.length; layer++) {
            writeVideo(layer, 0, now, scratch);
            if (packetsWritten[layer] < framePackets[layer]) {
                next = Math.min(next, pacers[layer].nextPassNanos(now));
            }
        }
        if (now >= nextReportNanos) {
            sendReports(scratch);
            nextReportNanos = advance(nextReportNanos, REPORT_INTERVAL_NANOS, now);
            next = Math.min(next, nextReportNanos);
        }
        return video.length > 0 ? Math.min(next, nextVideoNanos) : next;
    }

    /**
     * Writes the current frame's packets of video {@code layer} that its pacer lets leave now (all
     * of them when unpaced), and at least {@code atLeast} more whatever the pacer says.
     */
    private void writeVideo(int layer, int atLeast, long now, PacketBuffer scratch) {
        Pacer pacer = pacers[layer];
        int forced = 0;
        while (packetsWritten[layer] < framePackets[layer]) {
            if (pacer != null && forced >= atLeast && !pacer.mayPass(now)) {
                return;
            }
            int len = writePacket(video[layer], layer + 1, packetsWritten[layer]++, scratch);
            forced++;
            if (pacer != null) {
                pacer.charge(len);
            }
        }
    }

    /** Keeps the schedule, but skips ahead instead of bursting after a stall longer than 200 ms. */
    private static long advance(long due, long interval, long now) {
        long next = due + interval;
        return now - next > 200_000_000L ? now + interval : next;
    }

    private void sendUnit(SyntheticSource source, int index, PacketBuffer scratch) {
        int packets = source.nextFrame(System.nanoTime());
        for (int i = 0; i < packets; i++) {
            writePacket(source, index, i, scratch);
        }
    }

    /** Writes packet {@code i} of {@code source}'s current unit, stamped now, and sends it; returns its length. */
    private int writePacket(SyntheticSource source, int index, int i, PacketBuffer scratch) {
        byte[] b = scratch.getBuffer();
        int off = PacketBuffer.HEAD_ROOM;
        int len = source.writePacket(i, b, off, transportSeq++ & 0xFFFF, System.nanoTime());
        if (index > 0) {
            caches[index - 1].put(((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF), b, off, len);
        }
        packetsSent[index]++;
        octetsSent[index] += len - headerLength(b, off, len);
        if (send(scratch, len)) {
            sentPackets++;
            sentBytes += len;
        }
        return len;
    }

    private int headerLength(byte[] b, int off, int len) {
        return rtp.wrap(b, off, len).headerLength();
    }

    private boolean send(PacketBuffer scratch, int len) {
        scratch.setOffset(PacketBuffer.HEAD_ROOM);
        scratch.setLength(len);
        return transport.protectAndSend(scratch);
    }

    private void sendReports(PacketBuffer scratch) {
        long ntp = Ntp.fromEpochMillis(System.currentTimeMillis());
        sendReport(scratch, audioSsrc, ntp, audio.timestampNow(), 0);
        for (int layer = 0; layer < video.length; layer++) {
            sendReport(scratch, videoSsrcs[layer], ntp, video[layer].timestampNow(), layer + 1);
        }
    }

    private void sendReport(PacketBuffer scratch, long ssrc, long ntp, long rtpTs, int index) {
        byte[] b = scratch.getBuffer();
        int off = PacketBuffer.HEAD_ROOM;
        int p = off + SenderReport.write(b, off, ssrc, ntp, rtpTs, packetsSent[index], octetsSent[index]);
        p += Sdes.write(b, p, ssrc, cnameBytes);
        scratch.setOffset(off);
        scratch.setLength(p - off);
        transport.protectAndSend(scratch);
    }

    private void drainInbox(PacketBuffer scratch) {
        for (PacketBuffer p = inbox.poll(); p != null; p = inbox.poll()) {
            try {
                if (!transport.unprotect(p)) {
                    srtcpFailures++;
                    continue;
                }
                if (RtpPacket.looksLikeRtcp(p.getBuffer(), p.getOffset(), p.getLength())) {
                    onRtcp(p.getBuffer(), p.getOffset(), p.getLength(), scratch);
                }
            } finally {
                p.release();
            }
        }
    }

    private void onRtcp(byte[] b, int off, int len, PacketBuffer scratch) {
        RtcpCompound c = compound.wrap(b, off, len);
        if (!c.isValid()) {
            return;
        }
        while (c.next()) {
            int po = c.packetOffset();
            int type = c.packetType();
            int fmt = c.countOrFmt();
            if (type == RtcpHeader.RTPFB && fmt == GenericNack.FMT) {
                GenericNack nack = this.nack.wrap(b, po, c.packetLength());
                if (nack.isValid()) {
                    nacksReceived++;
                    int n = nack.lostSequenceNumbers(nackSeqs);
                    retransmit(nack.mediaSsrc(), n, scratch);
                }
            } else if (type == RtcpHeader.PSFB && (fmt == Pli.FMT || fmt == Fir.FMT)) {
                long media;
                if (fmt == Pli.FMT) {
                    Pli pli = this.pli.wrap(b, po, c.packetLength());
                    media = pli.isValid() ? pli.mediaSsrc() : -1;
                } else {
                    Fir fir = this.fir.wrap(b, po, c.packetLength());
                    media = fir.isValid() && fir.entryCount() > 0 ? fir.ssrc(0) : -1;
                }
                for (int layer = 0; layer < video.length; layer++) {
                    if (videoSsrcs[layer] == media) {
                        video[layer].requestKeyframe();
                        keyframeRequests++;
                    }
                }
            } else if (type == RtcpHeader.RTPFB && fmt == TransportCcFeedback.FMT) {
                feedbackReceived++;
            }
        }
    }

    private final RtcpCompound compound = new RtcpCompound();
    private final GenericNack nack = new GenericNack();
    private final Pli pli = new Pli();
    private final Fir fir = new Fir();

    private void retransmit(long mediaSsrc, int n, PacketBuffer scratch) {
        int layer = -1;
        for (int i = 0; i < videoSsrcs.length; i++) {
            if (videoSsrcs[i] == mediaSsrc) {
                layer = i;
            }
        }
        if (layer < 0 || caches.length <= layer) {
            return;
        }
        RetransmissionCache cache = caches[layer];
        byte[] dst = scratch.getBuffer();
        int off = PacketBuffer.HEAD_ROOM;
        for (int i = 0; i < n; i++) {
            int at = cache.find(nackSeqs[i]);
            if (at < 0) {
                continue;
            }
            int len;
            rtp.wrap(cache.data(), at, cache.length(nackSeqs[i]));
            if (rtxPt >= 0) {
                len = Rtx.encapsulate(rtp, rtxPt, rtxSsrc, rtxSeq, dst, off);
                rtxSeq = (rtxSeq + 1) & 0xFFFF;
            } else {
                len = rtp.length();
                System.arraycopy(cache.data(), at, dst, off, len);
            }
            if (len < 0) {
                continue;
            }
            if (transportCcId > 0) {
                int ext = rtp.wrap(dst, off, len).findExtension(transportCcId);
                if (ext >= 0) {
                    TransportCcExtension.write(dst, ext, transportSeq++ & 0xFFFF);
                }
            }
            if (send(scratch, len)) {
                retransmissions++;
            }
        }
    }

    @Override
    public void close() {
        transport.close();
        inbox.clear();
    }

    /** Our ICE host candidate, {@code candidate:...} without {@code a=}. */
    public String candidateLine() { return transport.candidateLine(); }
    /** Media packets sent (retransmissions and RTCP not included). */
    long sentPackets() { return sentPackets; }
    long sentBytes() { return sentBytes; }
    long nacksReceived() { return nacksReceived; }
    long retransmissions() { return retransmissions; }
    long keyframeRequests() { return keyframeRequests; }
    long feedbackReceived() { return feedbackReceived; }
    long srtcpFailures() { return srtcpFailures; }
}
