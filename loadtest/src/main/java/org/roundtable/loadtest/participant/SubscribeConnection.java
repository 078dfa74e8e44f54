package org.roundtable.loadtest.participant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.roundtable.loadtest.media.MediaStamp;
import org.roundtable.loadtest.media.StreamIds;
import org.roundtable.loadtest.stats.RtpReceiveState;
import org.roundtable.loadtest.stats.TrackReception;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.rtcp.GenericNack;
import org.roundtable.sfu.rtcp.Pli;
import org.roundtable.sfu.rtcp.ReceiverReport;
import org.roundtable.sfu.rtcp.ReportBlock;
import org.roundtable.sfu.rtcp.RtcpCompound;
import org.roundtable.sfu.rtcp.RtcpHeader;
import org.roundtable.sfu.rtcp.Sdes;
import org.roundtable.sfu.rtcp.SenderReport;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.Rtx;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.rtp.Vp8PayloadDescriptor;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.ExtensionUris;
import org.roundtable.sfu.sdp.NegotiatedMedia;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.loadtest.engine.MediaWorkerClient;

/**
 * The subscribe peer connection of one simulated participant: offers one recvonly m-section per
 * track the server lists (keeping mids stable across renegotiations), measures every packet
 * against its stamp, and answers like a browser's receiver: RR+SDES every second, generic NACK
 * for gaps, PLI until a keyframe arrives, transport-cc feedback every 100 ms. Offers and answers
 * are handled on the signaling thread; packets on the owning media worker; the answer reaches
 * the worker as an immutable {@link Negotiated} through a volatile field.
 */
public final class SubscribeConnection extends TransportHandover implements MediaWorkerClient {
    private static final long RR_INTERVAL_NANOS = 1_000_000_000L;
    private static final long TWCC_INTERVAL_NANOS = 100_000_000L;
    private static final long NACK_INTERVAL_NANOS = 20_000_000L;
    private static final long NACK_MIN_AGE_NANOS = 30_000_000L;
    private static final long PLI_INTERVAL_NANOS = 1_000_000_000L;

    /** What the worker needs from the latest answer. Immutable. */
    record Negotiated(int[] clockRateByPt, boolean[] videoPt, int vp8Pt, int transportCcId,
                      long[] rtxSsrcs, long[] rtxPrimarySsrcs, int[] rtxPrimaryPts) {
    }

    private final ClientTransport transport;
    private final long localSsrc;
    private final byte[] cname;
    private final TrackClock trackClock;
    private volatile Negotiated negotiated;
    private boolean connectStarted;

    // signaling-thread state: sections in offer order
    private final List<String> sectionTrackIds = new ArrayList<>();
    private final List<MediaKind> sectionKinds = new ArrayList<>();

    // media worker state
    private TrackReception[] receptions = new TrackReception[16];
    private SsrcState[] ssrcs = new SsrcState[8];
    private int ssrcCount;
    private final TransportCcRecorder transportCc = new TransportCcRecorder();
    private final RtpPacket rtp = new RtpPacket();
    private final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport senderReport = new SenderReport();
    private final int[] nackSeqs = new int[64];
    private long firstMediaNanos;
    private long nextRrNanos;
    private long nextTwccNanos;
    private long nextNackNanos;
    private boolean timersStarted;
    private long packetsReceived;
    private long bytesReceived;
    private long unstamped;
    private long malformed;
    private long srtpFailures;
    private long rtxReceived;
    private long nacksSent;
    private long plisSent;
    private long feedbackSent;

    /** Per received SSRC: RFC 3550 receiver state plus keyframe tracking for PLI. */
    private static final class SsrcState {
        final RtpReceiveState rtp;
        final boolean video;
        boolean keyframeSeen;
        long lastPliNanos;

        SsrcState(long ssrc, int clockRate, boolean video) {
            this.rtp = new RtpReceiveState(ssrc, clockRate);
            this.video = video;
        }
    }

    /** Tells the clock rate (by kind) of a load-test track number. Thread-safe. */
    public interface TrackClock {
        int clockRate(int trackNumber);
    }

    public SubscribeConnection(String bindAddress, BufferPool pool, SplittableRandom random, String cname,
                        TrackClock trackClock, ConnectionEvents events) {
        super(4096, events);
        this.transport = ClientTransport.create(bindAddress, this, pool);
        this.localSsrc = PublishConnection.ssrc(random);
        this.cname = cname.getBytes(StandardCharsets.UTF_8);
        this.trackClock = trackClock;
    }

    /** An offer for the server's complete list of tracks to receive. Signaling thread. */
    public Offer offer(List<TrackRef> tracks) {
        List<String> wanted = new ArrayList<>();
        for (TrackRef t : tracks) {
            wanted.add(t.trackId());
        }
        for (int i = 0; i < sectionTrackIds.size(); i++) {
            if (sectionTrackIds.get(i) != null && !wanted.contains(sectionTrackIds.get(i))) {
                sectionTrackIds.set(i, null); // gone: the section stays, answered inactive
            }
        }
        for (TrackRef t : tracks) {
            if (!sectionTrackIds.contains(t.trackId())) {
                sectionTrackIds.add(t.trackId());
                sectionKinds.add(t.kind());
            }
        }
        OfferBuilder b = new OfferBuilder(transport.localUfrag(), transport.localPassword(), transport.localFingerprint());
        Map<String, String> mids = new LinkedHashMap<>();
        for (int i = 0; i < sectionTrackIds.size(); i++) {
            b.recvOnly(sectionKinds.get(i));
            if (sectionTrackIds.get(i) != null) {
                mids.put(String.valueOf(i), sectionTrackIds.get(i));
            }
        }
        return new Offer(b.build(), mids);
    }

    public record Offer(String sdp, Map<String, String> mids) {
    }

    /** Applies an answer; the first one starts ICE/DTLS. Signaling thread. */
    public void accept(String answerSdp) {
        ClientAnswer answer = OfferBuilder.readAnswer(answerSdp);
        int[] clockRateByPt = new int[128];
        boolean[] videoPt = new boolean[128];
        int vp8Pt = -1;
        int tcc = 0;
        List<long[]> rtx = new ArrayList<>();
        for (NegotiatedMedia m : answer.media()) {
            if (!m.accepted()) {
                continue;
            }
            clockRateByPt[m.codec().pt()] = m.codec().clockRate();
            videoPt[m.codec().pt()] = m.kind() == MediaKind.VIDEO;
            if (m.codec().isNamed("VP8")) {
                vp8Pt = m.codec().pt();
            }
            int id = m.extensionId(ExtensionUris.TRANSPORT_CC);
            if (id > 0 && tcc == 0) {
                tcc = id;
            }
            for (Map.Entry<Long, Long> e : m.rtxSsrcByPrimary().entrySet()) {
                rtx.add(new long[] {e.getValue(), e.getKey(), m.codec().pt()});
            }
        }
        long[] rtxSsrcs = new long[rtx.size()];
        long[] primaries = new long[rtx.size()];
        int[] pts = new int[rtx.size()];
        for (int i = 0; i < rtx.size(); i++) {
            rtxSsrcs[i] = rtx.get(i)[0];
            primaries[i] = rtx.get(i)[1];
            pts[i] = (int) rtx.get(i)[2];
        }
        negotiated = new Negotiated(clockRateByPt, videoPt, vp8Pt, tcc, rtxSsrcs, primaries, pts);
        if (!connectStarted) {
            connectStarted = true;
            transport.connect(answer.iceUfrag(), answer.icePwd(), answer.candidateHost(), answer.candidatePort(),
                    answer.fingerprintAlgo(), answer.fingerprintHex());
        }
    }

    /**
     * Answers an offer made by the server (Janus offers to subscribers): recvonly, DTLS client.
     * The first one starts ICE/DTLS. Signaling thread.
     */
    public String answerOffer(String offerSdp) {
        RemoteOfferAnswer a = new RemoteOfferAnswer(offerSdp, transport.localUfrag(), transport.localPassword(),
                transport.localFingerprint());
        negotiated = a.negotiated;
        if (!connectStarted) {
            connectStarted = true;
            transport.connect(a.iceUfrag, a.icePwd, a.candidateHost, a.candidatePort, a.fingerprintAlgo, a.fingerprintHex);
        }
        return a.sdp;
    }

    // ---- media worker

    @Override
    public long tick(long now, PacketBuffer scratch) {
        Negotiated n = negotiated;
        for (PacketBuffer p = inbox.poll(); p != null; p = inbox.poll()) {
            try {
                onDatagram(p, n);
            } finally {
                p.release();
            }
        }
        if (!connected || closedReason != null || n == null) {
            return now + 2_000_000L;
        }
        if (!timersStarted) {
            timersStarted = true;
            nextRrNanos = now + RR_INTERVAL_NANOS / 2;
            nextTwccNanos = now + TWCC_INTERVAL_NANOS;
            nextNackNanos = now + NACK_INTERVAL_NANOS;
        }
        if (now >= nextNackNanos) {
            sendNacksAndPlis(now, scratch);
            nextNackNanos = now + NACK_INTERVAL_NANOS;
        }
        if (now >= nextTwccNanos) {
            sendTransportCc(scratch);
            nextTwccNanos = now + TWCC_INTERVAL_NANOS;
        }
        if (now >= nextRrNanos) {
            sendReceiverReports(now, scratch);
            nextRrNanos = now + RR_INTERVAL_NANOS;
        }
        return Math.min(nextNackNanos, Math.min(nextTwccNanos, nextRrNanos));
    }

    private void onDatagram(PacketBuffer p, Negotiated n) {
        if (n == null || !transport.unprotect(p)) {
            srtpFailures++;
            return;
        }
        byte[] b = p.getBuffer();
        int off = p.getOffset();
        int len = p.getLength();
        long arrival = p.receivedNanos();
        if (RtpPacket.looksLikeRtcp(b, off, len)) {
            onRtcp(b, off, len, arrival);
            return;
        }
        rtp.wrap(b, off, len);
        if (!rtp.isValid()) {
            malformed++;
            return;
        }
        if (n.transportCcId() > 0) {
            int ext = rtp.findExtension(n.transportCcId());
            if (ext >= 0 && rtp.extensionLength(n.transportCcId()) == TransportCcExtension.DATA_LENGTH) {
                transportCc.record(TransportCcExtension.read(b, ext), arrival);
            }
        }
        long ssrc = rtp.ssrc();
        for (int i = 0; i < n.rtxSsrcs().length; i++) {
            if (n.rtxSsrcs()[i] == ssrc) {
                int newLen = Rtx.decapsulate(rtp, n.rtxPrimaryPts()[i], n.rtxPrimarySsrcs()[i]);
                if (newLen < 0) {
                    return; // padding-only probe
                }
                rtxReceived++;
                p.setLength(newLen);
                rtp.wrap(b, off, newLen);
                ssrc = rtp.ssrc();
                break;
            }
        }
        int pt = rtp.payloadType();
        int clockRate = n.clockRateByPt()[pt];
        if (clockRate == 0) {
            malformed++;
            return;
        }
        SsrcState state = ssrcState(ssrc, clockRate, n.videoPt()[pt]);
        state.rtp.onPacket(rtp.sequenceNumber(), rtp.timestamp(), arrival);
        if (state.video && pt == n.vp8Pt() && !state.keyframeSeen
                && vp8.wrap(b, rtp.payloadOffset(), rtp.payloadLength()).isKeyframe()) {
            state.keyframeSeen = true;
        }
        int stamp = MediaStamp.find(b, rtp.payloadOffset(), rtp.payloadLength());
        if (stamp < 0) {
            unstamped++;
            return;
        }
        int streamId = MediaStamp.streamId(b, stamp);
        int track = StreamIds.track(streamId);
        TrackReception r = reception(track);
        if (r == null) {
            unstamped++;
            return;
        }
        r.onPacket(StreamIds.layer(streamId), MediaStamp.counter(b, stamp), MediaStamp.sendNanos(b, stamp), arrival,
                rtp.timestamp(), rtp.length());
        packetsReceived++;
        bytesReceived += len;
        if (firstMediaNanos == 0) {
            firstMediaNanos = arrival;
            events.onFirstMedia(arrival);
        }
    }

    private TrackReception reception(int track) {
        if (track < 0 || track > 1_000_000) {
            return null;
        }
        if (track >= receptions.length) {
            receptions = java.util.Arrays.copyOf(receptions, Math.max(track + 1, receptions.length * 2));
        }
        TrackReception r = receptions[track];
        if (r == null) {
            int clock = trackClock.clockRate(track);
            if (clock <= 0) {
                return null;
            }
            r = new TrackReception(track, clock);
            receptions[track] = r;
        }
        return r;
    }

    private SsrcState ssrcState(long ssrc, int clockRate, boolean video) {
        for (int i = 0; i < ssrcCount; i++) {
            if (ssrcs[i].rtp.ssrc() == ssrc) {
                return ssrcs[i];
            }
        }
        if (ssrcCount == ssrcs.length) {
            ssrcs = java.util.Arrays.copyOf(ssrcs, ssrcCount * 2);
        }
        SsrcState s = new SsrcState(ssrc, clockRate, video);
        ssrcs[ssrcCount++] = s;
        return s;
    }

    private void onRtcp(byte[] b, int off, int len, long arrival) {
        RtcpCompound c = compound.wrap(b, off, len);
        if (!c.isValid()) {
            malformed++;
            return;
        }
        while (c.next()) {
            if (c.packetType() == RtcpHeader.SR) {
                SenderReport sr = senderReport.wrap(b, c.packetOffset(), c.packetLength());
                if (sr.isValid()) {
                    for (int i = 0; i < ssrcCount; i++) {
                        if (ssrcs[i].rtp.ssrc() == sr.senderSsrc()) {
                            ssrcs[i].rtp.onSenderReport(sr.ntpMiddle32(), arrival);
                        }
                    }
                }
            }
        }
    }

    private void sendNacksAndPlis(long now, PacketBuffer scratch) {
        byte[] b = scratch.getBuffer();
        int off = PacketBuffer.HEAD_ROOM;
        for (int i = 0; i < ssrcCount; i++) {
            SsrcState s = ssrcs[i];
            int n = s.rtp.collectNacks(now, NACK_MIN_AGE_NANOS, nackSeqs);
            int p = off;
            if (n > 0 || (s.video && !s.keyframeSeen && now - s.lastPliNanos >= PLI_INTERVAL_NANOS)) {
                // reduced-size RTCP (rtcp-rsize is offered): feedback without a leading RR
                if (n > 0) {
                    p += GenericNack.write(b, p, localSsrc, s.rtp.ssrc(), nackSeqs, n);
                    nacksSent++;
                }
                if (s.video && !s.keyframeSeen && now - s.lastPliNanos >= PLI_INTERVAL_NANOS) {
                    p += Pli.write(b, p, localSsrc, s.rtp.ssrc());
                    s.lastPliNanos = now;
                    plisSent++;
                }
                sendRtcp(scratch, p - off);
            }
        }
    }

    private void sendTransportCc(PacketBuffer scratch) {
        long media = ssrcCount > 0 ? ssrcs[0].rtp.ssrc() : 0;
        for (int guard = 0; guard < 8 && transportCc.hasPending(); guard++) {
            int len = transportCc.write(scratch.getBuffer(), PacketBuffer.HEAD_ROOM, localSsrc, media);
            if (len <= 0) {
                return;
            }
            sendRtcp(scratch, len);
            feedbackSent++;
        }
    }

    private void sendReceiverReports(long now, PacketBuffer scratch) {
        byte[] b = scratch.getBuffer();
        int off = PacketBuffer.HEAD_ROOM;
        int i = 0;
        do {
            int p = off + ReceiverReport.write(b, off, localSsrc);
            for (int blocks = 0; blocks < 31 && i < ssrcCount; blocks++, i++) {
                RtpReceiveState s = ssrcs[i].rtp;
                ReportBlock.append(b, off, s.ssrc(), s.fractionLostAndAdvance(), s.cumulativeLost(),
                        s.extendedHighest(), s.jitterUnits(), s.lsr(), s.dlsr(now));
                p += ReportBlock.LENGTH;
            }
            p += Sdes.write(b, p, localSsrc, cname);
            sendRtcp(scratch, p - off);
        } while (i < ssrcCount);
    }

    private void sendRtcp(PacketBuffer scratch, int len) {
        scratch.setOffset(PacketBuffer.HEAD_ROOM);
        scratch.setLength(len);
        transport.protectAndSend(scratch);
    }

    @Override
    public void close() {
        transport.close();
        inbox.clear();
    }

    /** Worker thread: every track reception seen so far. */
    public List<TrackReception> receptions() {
        List<TrackReception> list = new ArrayList<>();
        for (TrackReception r : receptions) {
            if (r != null) {
                list.add(r);
            }
        }
        return list;
    }

    /** Our ICE host candidate, {@code candidate:...} without {@code a=}. */
    public String candidateLine() { return transport.candidateLine(); }
    long firstMediaNanos() { return firstMediaNanos; }
    long packetsReceived() { return packetsReceived; }
    long bytesReceived() { return bytesReceived; }
    long unstamped() { return unstamped; }
    long malformed() { return malformed; }
    long srtpFailures() { return srtpFailures; }
    long rtxReceived() { return rtxReceived; }
    long nacksSent() { return nacksSent; }
    long plisSent() { return plisSent; }
    long feedbackSent() { return feedbackSent; }
}
