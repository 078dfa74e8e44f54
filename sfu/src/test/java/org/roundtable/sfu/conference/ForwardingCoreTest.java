package org.roundtable.sfu.conference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.rtcp.GenericNack;
import org.roundtable.sfu.rtcp.Pli;
import org.roundtable.sfu.rtcp.ReceiverReport;
import org.roundtable.sfu.rtcp.RtcpCompound;
import org.roundtable.sfu.rtcp.RtcpHeader;
import org.roundtable.sfu.rtcp.SenderReport;
import org.roundtable.sfu.rtcp.TransportCcFeedback;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.sfu.stats.NtpTime;
import org.roundtable.sfu.testutil.TestPackets;
import org.roundtable.sfu.worker.DropReason;
import org.roundtable.sfu.worker.MediaWorker;

/**
 * The forwarding core, deterministic: a media worker driven by hand with an injected clock,
 * plaintext leg transports that record what is sent, real SDP negotiation.
 */
class ForwardingCoreTest {
    private static final long MS = 1_000_000L;
    private static final long VIDEO_SSRC = 0xAAAA0001L;
    private static final long RTX_SSRC = 0xAAAA0002L;
    private static final long AUDIO_SSRC = 0xAAAA0003L;
    private static final String FP = "sha-256 " + "CD:".repeat(31) + "CD";

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final MediaWorker worker = new MediaWorker("test-worker", now::get);
    private final BufferPool pool = new BufferPool(64);
    private final Map<String, PlaintextLegTransport> transports = new HashMap<>();
    private final List<String> events = new ArrayList<>();
    private Conference conference;
    private ClientAnswer alicePublish;
    private ClientAnswer bobSubscribe;
    private int transportSeq;

    @BeforeEach
    void setUp() {
        LegTransport.Factory factory = (id, ev) -> {
            PlaintextLegTransport t = new PlaintextLegTransport(id, ev);
            transports.put(id, t);
            return t;
        };
        SfuContext ctx = new SfuContext(pool, factory, new NtpTime(0), Runnable::run);
        conference = new Conference("room", worker, new ConferenceListener() {
            @Override public void onTrackAdded(TrackInfo t) { events.add("added " + t.trackId()); }
            @Override public void onTrackRemoved(TrackInfo t) { events.add("removed " + t.trackId()); }
            @Override public void onEndpointExpired(String id, String reason) { events.add("expired " + id + " " + reason); }
        }, ctx, c -> events.add("conference closed"));
    }

    private <T> T complete(CompletableFuture<T> f) throws Exception {
        for (int i = 0; i < 10 && !f.isDone(); i++) {
            worker.runOnce();
        }
        return f.get();
    }

    private String publishOffer(long videoSsrc, long rtxSsrc) {
        return new OfferBuilder("aliceufrag", "alicepasswordalicepassword", FP)
                .sendAudio(AUDIO_SSRC, "alice", "s", "a").sendVideo(videoSsrc, rtxSsrc, "alice", "s", "v").build();
    }

    /** Alice publishes audio + video, Bob subscribes to both; both legs connected. */
    private EndpointHandle[] join() throws Exception {
        EndpointHandle[] both = joinWithBobConnecting();
        sub().events.onConnected();
        worker.runOnce();
        return both;
    }

    /** As {@link #join} but Bob's subscribe leg has not finished its handshake. */
    private EndpointHandle[] joinWithBobConnecting() throws Exception {
        EndpointHandle alice = conference.addEndpoint("alice", true);
        EndpointHandle bob = conference.addEndpoint("bob", false);
        alicePublish = OfferBuilder.readAnswer(complete(alice.answerPublish(publishOffer(VIDEO_SSRC, RTX_SSRC))));
        String subOffer = new OfferBuilder("bobufrag", "bobpasswordbobpasswordbob", FP)
                .recvOnly(MediaKind.AUDIO).recvOnly(MediaKind.VIDEO).build();
        bobSubscribe = OfferBuilder.readAnswer(complete(bob.answerSubscribe(subOffer, Map.of("0", "alice:0", "1", "alice:1"))));
        assertTrue(pub().started && sub().started);
        pub().events.onConnected();
        worker.runOnce();
        return new EndpointHandle[] {alice, bob};
    }

    @Test
    void aReceiverStillConnectingGetsNothingAndTheSkipIsCounted() throws Exception {
        joinWithBobConnecting();
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        deliver(pub(), video(1, 0, VIDEO_SSRC));
        assertTrue(rtpTo(sub(), bobVideo).isEmpty(), "nothing Bob could decrypt yet");
        assertEquals(1, worker.counters().dropped(DropReason.NOT_CONNECTED));

        sub().events.onConnected();
        worker.runOnce();
        deliver(pub(), video(2, 3000, VIDEO_SSRC));
        assertEquals(1, rtpTo(sub(), bobVideo).size());
        assertEquals(1, worker.counters().dropped(DropReason.NOT_CONNECTED));
    }

    private PlaintextLegTransport pub() { return transports.get("alice/publish"); }
    private PlaintextLegTransport sub() { return transports.get("bob/subscribe"); }

    private void deliver(PlaintextLegTransport t, byte[] packet) {
        PacketBuffer p = pool.take();
        p.copyFrom(packet, 0, packet.length);
        t.events.onPacket(p);
        worker.runOnce();
    }

    private byte[] video(int seq, long ts, long ssrc) {
        int tcc = alicePublish.mediaByMid("1").extensionId(TransportCcExtension.URI);
        int s = transportSeq++;
        return TestPackets.rtp(alicePublish.mediaByMid("1").codec().pt(), seq, ts, ssrc, false,
                new int[][] {{tcc, s >>> 8, s & 0xFF}}, 200, seq);
    }

    private List<byte[]> rtpTo(PlaintextLegTransport t, long ssrc) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] b : t.sent) {
            if (!RtpPacket.looksLikeRtcp(b, 0, b.length) && TestPackets.readUint32(b, 8) == ssrc) {
                out.add(b);
            }
        }
        return out;
    }

    /** Offsets of every RTCP packet of {@code type} (and fmt, or -1) in what {@code t} sent, as [datagram, offset]. */
    private List<int[]> rtcpFrom(PlaintextLegTransport t, int type, int fmt) {
        List<int[]> out = new ArrayList<>();
        RtcpCompound c = new RtcpCompound();
        for (int i = 0; i < t.sent.size(); i++) {
            byte[] b = t.sent.get(i);
            if (!RtpPacket.looksLikeRtcp(b, 0, b.length)) {
                continue;
            }
            c.wrap(b, 0, b.length);
            while (c.next()) {
                if (c.packetType() == type && (fmt < 0 || c.countOrFmt() == fmt)) {
                    out.add(new int[] {i, c.packetOffset(), c.packetLength()});
                }
            }
        }
        return out;
    }

    private void advance(long nanos) {
        long end = now.get() + nanos;
        while (now.get() < end) {
            now.addAndGet(Math.min(5 * MS, end - now.get()));
            worker.runOnce();
        }
    }

    @Test
    void lossIsNackedToThePublisherAndGivenUpWithAKeyframeRequest() throws Exception {
        join();
        deliver(pub(), video(10, 0, VIDEO_SSRC));
        deliver(pub(), video(11, 0, VIDEO_SSRC));
        advance(600 * MS); // past the rate limit of the PLI sent when Bob's consumer started
        int plisBefore = rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size();
        assertTrue(plisBefore >= 1, "a new consumer asks for a keyframe");
        deliver(pub(), video(13, 3000, VIDEO_SSRC)); // 12 lost
        advance(25 * MS);
        List<int[]> nacks = rtcpFrom(pub(), RtcpHeader.RTPFB, GenericNack.FMT);
        assertEquals(1, nacks.size());
        int[] at = nacks.get(0);
        GenericNack nack = new GenericNack().wrap(pub().sent.get(at[0]), at[1], at[2]);
        assertEquals(VIDEO_SSRC, nack.mediaSsrc());
        int[] lost = new int[4];
        assertEquals(1, nack.lostSequenceNumbers(lost));
        assertEquals(12, lost[0]);
        // never repaired: retried, then given up with a PLI
        advance(2_000 * MS);
        assertEquals(8, rtcpFrom(pub(), RtcpHeader.RTPFB, GenericNack.FMT).size(), "bounded retries");
        assertTrue(rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size() > plisBefore, "keyframe asked after unrepairable loss");
    }

    @Test
    void receiverNackIsAnsweredFromTheCacheAsRtxAndPliIsRateLimited() throws Exception {
        join();
        for (int i = 0; i < 5; i++) {
            deliver(pub(), video(100 + i, 3000L * i, VIDEO_SSRC));
        }
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        long bobRtx = bobSubscribe.mediaByMid("1").rtxSsrcByPrimary().get(bobVideo);
        List<byte[]> got = rtpTo(sub(), bobVideo);
        assertEquals(5, got.size());
        int firstSeq = TestPackets.readUint16(got.get(0), 2);
        byte[] nack = new byte[64];
        int len = GenericNack.write(nack, 0, 1, bobVideo, new int[] {(firstSeq + 2) & 0xFFFF}, 1);
        deliver(sub(), java.util.Arrays.copyOf(nack, len));
        List<byte[]> rtx = rtpTo(sub(), bobRtx);
        assertEquals(1, rtx.size());
        assertEquals((firstSeq + 2) & 0xFFFF, TestPackets.readUint16(rtx.get(0), new RtpPacket().wrap(rtx.get(0), 0, rtx.get(0).length).payloadOffset()));
        // rebuilt from the producer's history exactly as first sent to Bob: same timestamp, same payload
        RtpPacket first = new RtpPacket().wrap(got.get(2), 0, got.get(2).length);
        RtpPacket again = new RtpPacket().wrap(rtx.get(0), 0, rtx.get(0).length);
        assertEquals(first.timestamp(), again.timestamp());
        assertArrayEquals(java.util.Arrays.copyOfRange(got.get(2), first.payloadOffset(), first.payloadOffset() + first.payloadLength()),
                java.util.Arrays.copyOfRange(rtx.get(0), again.payloadOffset() + 2, again.payloadOffset() + again.payloadLength()));

        int plis = rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size();
        byte[] pli = new byte[Pli.LENGTH];
        Pli.write(pli, 0, 1, bobVideo);
        advance(600 * MS); // past the interval of the PLI sent when Bob's consumer started
        deliver(sub(), pli);
        deliver(sub(), pli);
        assertEquals(plis + 1, rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size(), "one PLI per 500 ms");
        advance(500 * MS);
        deliver(sub(), pli);
        assertEquals(plis + 2, rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size());
    }

    @Test
    void receiverTransportCcFeedbackMeasuresWhatItGot() throws Exception {
        join();
        for (int i = 0; i < 11; i++) {
            deliver(pub(), video(300 + i, 3000L * i, VIDEO_SSRC));
        }
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        List<byte[]> got = rtpTo(sub(), bobVideo);
        assertEquals(11, got.size());
        int tccId = bobSubscribe.mediaByMid("1").extensionId(TransportCcExtension.URI);
        RtpPacket view = new RtpPacket().wrap(got.get(0), 0, got.get(0).length);
        int baseSeq = TransportCcExtension.read(got.get(0), view.findExtension(tccId));
        long[] arrivals = new long[11];
        for (int i = 0; i < 11; i++) {
            arrivals[i] = 1_000_000 + i * 10_000L; // 10 ms apart: 10 packets after the first in 100 ms
        }
        byte[] fb = new byte[200];
        int len = TransportCcFeedback.write(fb, 0, 1, bobVideo, baseSeq, arrivals, 11, 0);
        deliver(sub(), java.util.Arrays.copyOf(fb, len));
        long bytesAfterFirst = 0;
        for (int i = 1; i < 11; i++) {
            bytesAfterFirst += got.get(i).length;
        }
        Endpoint bob = conference.endpoint("bob");
        assertEquals(bytesAfterFirst * 8 * 10, bob.receiveBitrateBps());
    }

    @Test
    void simulcastWithoutSsrcsForwardsTheFullestLayerLearnedByMidAndRid() throws Exception {
        EndpointHandle alice = conference.addEndpoint("alice", true);
        EndpointHandle bob = conference.addEndpoint("bob", false);
        alicePublish = OfferBuilder.readAnswer(complete(alice.answerPublish(new OfferBuilder("aliceufrag",
                "alicepasswordalicepassword", FP).sendAudio(AUDIO_SSRC, "alice", "s", "a")
                .sendSimulcastVideo(List.of("q", "h", "f"), "s", "v").build())));
        bobSubscribe = OfferBuilder.readAnswer(complete(bob.answerSubscribe(new OfferBuilder("bobufrag",
                "bobpasswordbobpasswordbob", FP).recvOnly(MediaKind.AUDIO).recvOnly(MediaKind.VIDEO).build(),
                Map.of("1", "alice:1"))));
        pub().events.onConnected();
        sub().events.onConnected();
        worker.runOnce();
        var video = alicePublish.mediaByMid("1");
        int midId = video.extensionId(ExtensionIds.MID);
        int ridId = video.extensionId(ExtensionIds.RID);
        assertTrue(midId > 0 && ridId > 0, "mid and rid negotiated");
        String[] rids = {"q", "h", "f"};
        for (int i = 0; i < 6; i++) {
            for (int layer = 0; layer < 3; layer++) {
                deliver(pub(), TestPackets.rtp(video.codec().pt(), 10 * layer + i, 3000L * i, 0xC0 + layer, false,
                        new int[][] {{midId, '1'}, {ridId, rids[layer].charAt(0)}}, 100, i));
            }
        }
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        List<byte[]> got = rtpTo(sub(), bobVideo);
        assertEquals(6, got.size(), "one layer forwarded");
        for (int i = 0; i < 6; i++) {
            assertEquals(20 + i, TestPackets.readUint16(got.get(i), 2), "layer f's packets");
        }
        assertEquals(12, worker.counters().dropped(DropReason.LAYER_NOT_FORWARDED));
    }

    @Test
    void aKeyframeRequestHeldBackByTheRateLimitIsSentLaterUnlessAKeyframeCame() throws Exception {
        join();
        deliver(pub(), video(1, 0, VIDEO_SSRC)); // Bob's consumer starts: PLI (or one pending after join's)
        advance(1_000 * MS);
        int plis = rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size();
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        byte[] pli = new byte[Pli.LENGTH];
        Pli.write(pli, 0, 1, bobVideo);
        deliver(sub(), pli);
        assertEquals(plis + 1, rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size());
        deliver(sub(), pli); // inside the interval: held back
        assertEquals(plis + 1, rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size());
        advance(520 * MS);
        assertEquals(plis + 2, rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size(), "sent when the interval ended");

        deliver(sub(), pli); // held back again, but a keyframe arrives meanwhile
        byte[] key = video(2, 3000, VIDEO_SSRC);
        TestPackets.vp8Descriptor(key, key.length - 200, 5, true, true);
        deliver(pub(), key);
        advance(600 * MS);
        assertEquals(plis + 2, rtcpFrom(pub(), RtcpHeader.PSFB, Pli.FMT).size(), "the keyframe answered it");
    }

    @Test
    void aServerMuteLeavesNoSequenceGapForReceivers() throws Exception {
        EndpointHandle[] ep = join();
        deliver(pub(), video(500, 0, VIDEO_SSRC));
        deliver(pub(), video(501, 3000, VIDEO_SSRC));
        ep[0].setVideoForwarded(false);
        worker.runOnce();
        for (int i = 2; i < 40; i++) {
            deliver(pub(), video(500 + i, 3000L * i, VIDEO_SSRC));
        }
        ep[0].setVideoForwarded(true);
        worker.runOnce();
        deliver(pub(), video(540, 3000L * 40, VIDEO_SSRC));
        List<byte[]> got = rtpTo(sub(), bobSubscribe.mediaByMid("1").ssrcs().get(0));
        assertEquals(3, got.size());
        assertEquals(502, TestPackets.readUint16(got.get(2), 2), "continues right after the last forwarded packet");
    }

    @Test
    void badOffersFailWithAClearCodeAndLeaveNoTransportBehind() throws Exception {
        EndpointHandle alice = conference.addEndpoint("alice", true);
        var bad = alice.answerPublish("v=0\r\nthis is not sdp\r\n");
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> complete(bad));
        assertEquals("bad-sdp", ((org.roundtable.sfu.api.MediaException) e.getCause()).code());
        assertTrue(transports.isEmpty(), "parsing fails before any transport is made");

        // a well-formed offer the server cannot use (no supported codec) closes the transport it made
        String noCodec = publishOffer(VIDEO_SSRC, RTX_SSRC).replace("opus/48000/2", "speex/16000")
                .replace("VP8/90000", "AV1/90000").replace("H264/90000", "VP9/90000");
        var refused = alice.answerPublish(noCodec);
        e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> complete(refused));
        assertEquals("bad-sdp", ((org.roundtable.sfu.api.MediaException) e.getCause()).code());
        assertTrue(pub().closed, "the transport made for it is closed again");

        // the endpoint still works afterwards
        complete(alice.answerPublish(publishOffer(VIDEO_SSRC, RTX_SSRC)));
        assertTrue(transports.get("alice/publish").started);
    }

    @Test
    void publisherRestartKeepsTheReceiversStreamContinuous() throws Exception {
        EndpointHandle[] ep = join();
        for (int i = 0; i < 3; i++) {
            deliver(pub(), video(40_000 + i, 90_000L + 3000L * i, VIDEO_SSRC));
        }
        // renegotiation with new SSRCs and a fresh random sequence/timestamp space
        complete(ep[0].answerPublish(publishOffer(0xBBBB0001L, 0xBBBB0002L)));
        advance(100 * MS);
        deliver(pub(), video(7, 5_000_000L, 0xBBBB0001L));
        deliver(pub(), video(8, 5_003_000L, 0xBBBB0001L));
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        List<byte[]> got = rtpTo(sub(), bobVideo);
        assertEquals(5, got.size());
        int first = TestPackets.readUint16(got.get(0), 2);
        long firstTs = TestPackets.readUint32(got.get(0), 4);
        for (int i = 0; i < 5; i++) {
            assertEquals((first + i) & 0xFFFF, TestPackets.readUint16(got.get(i), 2));
        }
        long tsJump = (TestPackets.readUint32(got.get(3), 4) - TestPackets.readUint32(got.get(2), 4)) & 0xFFFFFFFFL;
        assertTrue(tsJump > 0 && tsJump <= 9000 + 90, "timestamp advances by the elapsed time: " + tsJump);
        assertEquals(firstTs + 6000, TestPackets.readUint32(got.get(2), 4));
        assertEquals(List.of("added alice:1"), events.stream().filter(e -> e.contains("alice:1")).toList(),
                "a restart is not a new track");
    }

    @Test
    void reportsAndTransportCcFeedbackFollowTheClock() throws Exception {
        join();
        for (int i = 0; i < 10; i++) {
            deliver(pub(), video(200 + i, 3000L * i, VIDEO_SSRC));
            now.addAndGet(3 * MS);
        }
        advance(70 * MS);
        List<int[]> feedback = rtcpFrom(pub(), RtcpHeader.RTPFB, TransportCcFeedback.FMT);
        assertEquals(1, feedback.size(), "one feedback for the packets of the last interval");
        int[] f = feedback.get(0);
        TransportCcFeedback view = new TransportCcFeedback().wrap(pub().sent.get(f[0]), f[1], f[2]);
        assertEquals(0, view.baseSequenceNumber());
        assertEquals(10, view.packetStatusCount());
        int received = 0;
        while (view.next()) {
            assertTrue(view.received());
            if (received++ > 0) {
                assertEquals(12, view.deltaTicks(), "3 ms apart, in 250 us ticks");
            }
        }
        assertEquals(10, received);
        advance(100 * MS);
        assertEquals(1, rtcpFrom(pub(), RtcpHeader.RTPFB, TransportCcFeedback.FMT).size(), "nothing new, no feedback");

        advance(1_000 * MS);
        List<int[]> rrs = rtcpFrom(pub(), RtcpHeader.RR, -1);
        assertEquals(1, rrs.size(), "one receiver report per second");
        int[] r = rrs.get(0);
        ReceiverReport rr = new ReceiverReport().wrap(pub().sent.get(r[0]), r[1], r[2]);
        assertEquals(1, rr.reportCount());
        assertEquals(VIDEO_SSRC, rr.reportBlock(0).ssrc());
        assertEquals(209, rr.reportBlock(0).extHighestSeq());
        assertEquals(0, rr.reportBlock(0).cumulativeLost());

        List<int[]> srs = rtcpFrom(sub(), RtcpHeader.SR, -1);
        assertEquals(1, srs.size());
        int[] s = srs.get(0);
        SenderReport sr = new SenderReport().wrap(sub().sent.get(s[0]), s[1], s[2]);
        assertEquals(bobSubscribe.mediaByMid("1").ssrcs().get(0), sr.senderSsrc());
        assertEquals(10, sr.packetCount());
        advance(1_000 * MS);
        assertEquals(2, rtcpFrom(pub(), RtcpHeader.RR, -1).size());
    }

    @Test
    void serverMuteAndDemotionDropAndCountWhileTransportExpiryFreesEverything() throws Exception {
        EndpointHandle[] ep = join();
        deliver(pub(), video(1, 0, VIDEO_SSRC));
        assertEquals(List.of("added alice:1"), events);
        ep[0].setVideoForwarded(false);
        worker.runOnce();
        deliver(pub(), video(2, 3000, VIDEO_SSRC));
        assertEquals(1, worker.counters().dropped(DropReason.MUTED_BY_SERVER));
        ep[0].setMayPublish(false);
        worker.runOnce();
        deliver(pub(), video(3, 6000, VIDEO_SSRC));
        assertEquals(1, worker.counters().dropped(DropReason.NOT_PUBLISHER));
        assertEquals(List.of("added alice:1", "removed alice:1"), events);
        long bobVideo = bobSubscribe.mediaByMid("1").ssrcs().get(0);
        assertEquals(1, rtpTo(sub(), bobVideo).size());

        pub().events.onClosed("ice consent lost");
        worker.runOnce();
        assertTrue(events.contains("expired alice ice consent lost"), events.toString());
        assertTrue(pub().closed && !sub().closed);
        assertEquals(1, conference.endpointCount());
        conference.close();
        worker.runOnce();
        assertEquals(0, conference.endpointCount());
        assertTrue(sub().closed);
        assertTrue(events.contains("conference closed"));
        assertEquals(0, worker.timers().nanosUntilNext(now.get()) == Long.MAX_VALUE ? 0 : worker.timers().size());
    }
}
