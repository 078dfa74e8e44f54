package org.roundtable.sfu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.roundtable.sfu.testutil.TestPackets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.SfuServer;
import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.DelayDistribution;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.rtcp.GenericNack;
import org.roundtable.sfu.rtcp.RtcpCompound;
import org.roundtable.sfu.rtcp.RtcpHeader;
import org.roundtable.sfu.rtcp.TransportCcFeedback;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.Rtx;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.NegotiatedMedia;
import org.roundtable.sfu.worker.DropReason;

/** Two clients over real ICE + DTLS + SRTP on loopback: publish, subscribe, forwarding, RTCP. */
class SfuServerLoopbackTest {
    private static final long AUDIO_SSRC = 0x11111111L;
    private static final long VIDEO_SSRC = 0x22222222L;
    private static final long VIDEO_RTX_SSRC = 0x33333333L;

    private final BufferPool pool = new BufferPool(256);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        closeables.add(c);
        return c;
    }

    private final ConferenceListener listener = new ConferenceListener() {
        @Override public void onTrackAdded(TrackInfo t) { events.add("added " + t.trackId() + " " + t.kind()); }
        @Override public void onTrackRemoved(TrackInfo t) { events.add("removed " + t.trackId()); }
        @Override public void onEndpointExpired(String id, String reason) { events.add("expired " + id); }
    };

    @Test
    void forwardsRewrittenMediaAnswersNackAndActsAsRtpEndpoint() throws Exception {
        // two workers: endpoints are bound to the workers' send lanes in turn, so alice's leg sends from
        // the conference's own worker and bob's media is handed to the other worker's lane
        SfuServer server = closeLater(SfuServer.start(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 2)));
        ConferenceHandle conf = server.conference("room", listener);
        EndpointHandle alice = conf.addEndpoint("alice", true);
        EndpointHandle bob = conf.addEndpoint("bob", false);
        assertEquals(2, conf.endpointCount());

        // Alice publishes audio and video (with RTX)
        LoopbackPeer aPub = closeLater(new LoopbackPeer(pool));
        String pubOffer = aPub.offer().sendAudio(AUDIO_SSRC, "alice-cname", "alice-stream", "a-track")
                .sendVideo(VIDEO_SSRC, VIDEO_RTX_SSRC, "alice-cname", "alice-stream", "v-track").build();
        ClientAnswer pubAnswer = aPub.connect(alice.answerPublish(pubOffer).get(20, TimeUnit.SECONDS));
        NegotiatedMedia aAudio = pubAnswer.mediaByMid("0");
        NegotiatedMedia aVideo = pubAnswer.mediaByMid("1");

        // Bob (a viewer: may not publish) subscribes to both tracks
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> bob.answerPublish(pubOffer).get(20, TimeUnit.SECONDS));
        assertInstanceOf(MediaException.class, refused.getCause());
        assertEquals("not-allowed", ((MediaException) refused.getCause()).code());

        LoopbackPeer bSub = closeLater(new LoopbackPeer(pool));
        String subOffer = bSub.offer().recvOnly(MediaKind.AUDIO).recvOnly(MediaKind.VIDEO).build();
        ClientAnswer subAnswer = bSub.connect(bob.answerSubscribe(subOffer, Map.of("0", "alice:0", "1", "alice:1"))
                .get(20, TimeUnit.SECONDS));
        NegotiatedMedia bAudio = subAnswer.mediaByMid("0");
        NegotiatedMedia bVideo = subAnswer.mediaByMid("1");
        assertEquals(1, bAudio.ssrcs().size());
        assertEquals(1, bVideo.ssrcs().size());
        long bAudioSsrc = bAudio.ssrcs().get(0);
        long bVideoSsrc = bVideo.ssrcs().get(0);
        long bVideoRtxSsrc = bVideo.rtxSsrcByPrimary().get(bVideoSsrc);

        await(() -> aPub.connected && bSub.connected, "both transports connect");
        int audioLevelId = aAudio.extensionId(AudioLevelExtension.URI);
        int aAudioTcc = aAudio.extensionId(TransportCcExtension.URI);
        int aVideoTcc = aVideo.extensionId(TransportCcExtension.URI);
        int[] transportSeq = {1000};
        int[] audioSeq = {100};
        Runnable sendAudio = () -> {
            int seq = audioSeq[0]++;
            int tcc = transportSeq[0]++;
            aPub.send(TestPackets.rtp(aAudio.codec().pt(), seq, 960L * seq, AUDIO_SSRC, seq == 100,
                    new int[][] {{audioLevelId, 0x80 | 30}, {aAudioTcc, tcc >>> 8, tcc & 0xFF}}, 80, seq));
        };

        // The server's worker starts forwarding to bob a moment after his handshake (it learns of it through
        // its task queue) and skips him until then (counted not-connected): audio proves the path first
        await(() -> { sendAudio.run(); drain(bSub); return countSsrc(bSub.rtp, bAudioSsrc) > 0; }, "bob gets a first audio packet");
        Thread.sleep(50);
        drain(bSub);
        int audioBefore = countSsrc(bSub.rtp, bAudioSsrc);

        // Alice sends 50 audio and 50 video packets
        for (int i = 0; i < 50; i++) {
            sendAudio.run();
            int tcc = transportSeq[0]++;
            byte[] v = TestPackets.rtp(aVideo.codec().pt(), 60_000 + i, 3000L * (i / 2), VIDEO_SSRC, i % 2 == 1,
                    new int[][] {{aVideoTcc, tcc >>> 8, tcc & 0xFF}}, 900, i);
            TestPackets.vp8Descriptor(v, v.length - 900, i / 2, i % 2 == 0, i == 0);
            aPub.send(v);
            if (i % 10 == 9) {
                Thread.sleep(20); // paced like a real sender, so the server's inbox never overflows
            }
        }

        await(() -> { drain(bSub); return countSsrc(bSub.rtp, bAudioSsrc) >= audioBefore + 50 && countSsrc(bSub.rtp, bVideoSsrc) >= 50; },
                () -> "bob receives every forwarded packet (audio " + (countSsrc(bSub.rtp, bAudioSsrc) - audioBefore)
                        + ", video " + countSsrc(bSub.rtp, bVideoSsrc) + "; server drops " + server.counters().droppedByReason() + ")");
        assertTrue(events.contains("added alice:0 AUDIO"), events.toString());
        DelayDistribution delay = server.counters().forwardingDelay();
        assertTrue(delay.total() >= 100, "every forwarded packet's time in the server is recorded: " + delay.total());
        assertTrue(delay.quantile(0.5) > 0 && delay.quantile(0.5) < 1.0, "median forwarding delay " + delay.quantile(0.5));
        assertTrue(events.contains("added alice:1 VIDEO"), events.toString());

        // rewritten SSRC and PT, continuous sequence numbers
        List<byte[]> bobVideo = bySsrc(bSub.rtp, bVideoSsrc);
        RtpPacket view = new RtpPacket();
        int firstSeq = view.wrap(bobVideo.get(0), 0, bobVideo.get(0).length).sequenceNumber();
        for (int i = 0; i < bobVideo.size(); i++) {
            view.wrap(bobVideo.get(i), 0, bobVideo.get(i).length);
            assertEquals(bVideo.codec().pt(), view.payloadType());
            assertEquals((firstSeq + i) & 0xFFFF, view.sequenceNumber(), "continuous sequence");
        }
        List<byte[]> bobAudio = bySsrc(bSub.rtp, bAudioSsrc);
        int counted = bobAudio.size() - 50;
        int firstCounted = view.wrap(bobAudio.get(counted), 0, bobAudio.get(counted).length).sequenceNumber();
        for (int i = 0; i < 50; i++) {
            view.wrap(bobAudio.get(counted + i), 0, bobAudio.get(counted + i).length);
            assertEquals((firstCounted + i) & 0xFFFF, view.sequenceNumber(), "continuous audio sequence");
        }
        view.wrap(bobAudio.get(0), 0, bobAudio.get(0).length);
        assertEquals(bAudio.codec().pt(), view.payloadType());
        int bLevelId = bAudio.extensionId(AudioLevelExtension.URI);
        assertTrue(view.findExtension(bLevelId) >= 0, "audio level forwarded under bob's id");
        assertEquals(30, AudioLevelExtension.level(view.buffer(), view.findExtension(bLevelId)));
        assertTrue(view.findExtension(bAudio.extensionId(TransportCcExtension.URI)) >= 0);

        // Bob NACKs the 10th video packet: it comes back as RTX with the original sequence number
        int lostSeq = (firstSeq + 10) & 0xFFFF;
        byte[] nack = new byte[GenericNack.size(new int[] {lostSeq}, 1)];
        GenericNack.write(nack, 0, 0x44444444L, bVideoSsrc, new int[] {lostSeq}, 1);
        bSub.send(nack);
        await(() -> { drain(bSub); return countSsrc(bSub.rtp, bVideoRtxSsrc) >= 1; }, "a retransmission after NACK");
        byte[] rtx = bySsrc(bSub.rtp, bVideoRtxSsrc).get(0);
        RtpPacket rtxView = new RtpPacket().wrap(rtx, 0, rtx.length);
        assertEquals(bVideo.rtxPt(), rtxView.payloadType());
        assertEquals(lostSeq, Rtx.originalSequenceNumber(rtxView));

        // The SFU is an RTP endpoint: transport-cc feedback and RR to the publisher, SR to the receiver
        await(() -> { drain(aPub); return hasRtcp(aPub.rtcp, RtcpHeader.RTPFB, TransportCcFeedback.FMT)
                && hasRtcp(aPub.rtcp, RtcpHeader.RR, -1); }, "alice gets transport-cc feedback and receiver reports");
        await(() -> { drain(bSub); return hasRtcp(bSub.rtcp, RtcpHeader.SR, -1); }, "bob gets sender reports");
        assertTrue(server.counters().transportCcFeedbackSent() > 0);
        assertTrue(server.counters().retransmissionsSent() >= 1);

        // Bob is a pure receiver: media he sends is dropped and counted
        for (int i = 0; i < 3; i++) {
            bSub.send(TestPackets.rtp(111, i, 960L * i, 0x55555555L, false, new int[0][], 50, i));
        }
        await(() -> server.counters().dropped(DropReason.NOT_PUBLISHER) >= 3, "a receiver's media is dropped");

        // Alice is demoted: her media is dropped and counted, her tracks end
        long forwardedBefore = bySsrc(bSub.rtp, bVideoSsrc).size();
        alice.setMayPublish(false);
        await(() -> events.contains("removed alice:1"), "tracks removed on demotion");
        for (int i = 50; i < 60; i++) {
            int tcc = transportSeq[0]++;
            byte[] v = TestPackets.rtp(aVideo.codec().pt(), 60_000 + i, 3000L * (i / 2), VIDEO_SSRC, false,
                    new int[][] {{aVideoTcc, tcc >>> 8, tcc & 0xFF}}, 900, i);
            aPub.send(v);
        }
        await(() -> server.counters().dropped(DropReason.NOT_PUBLISHER) >= 13, "non-publisher media dropped");
        assertTrue(server.counters().droppedByReason().get("not-publisher") >= 13);
        drain(bSub);
        assertEquals(forwardedBefore, bySsrc(bSub.rtp, bVideoSsrc).size());

        conf.close();
        await(() -> conf.endpointCount() == 0, "conference frees its endpoints");
        assertEquals(0, server.conferenceCount());
        assertFalse(server.counters().packetsIn() == 0);
        assertNotEquals(0, server.counters().packetsOut());
    }

    @Test
    void clientLeavingExpiresTheEndpointAndCloseLeavesNoMediaThreads() throws Exception {
        SfuServer server = SfuServer.start(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 2));
        ConferenceHandle conf = server.conference("leave", listener);
        EndpointHandle alice = conf.addEndpoint("alice", true);
        conf.addEndpoint("bob", false);
        LoopbackPeer aPub = new LoopbackPeer(pool);
        String offer = aPub.offer().sendAudio(AUDIO_SSRC, "alice-cname", "s", "a").build();
        aPub.connect(alice.answerPublish(offer).get(20, TimeUnit.SECONDS));
        await(() -> aPub.connected, "alice connects");
        assertEquals(2, server.counters().endpoints());

        aPub.close(); // DTLS close_notify: the server's transport closes
        await(() -> events.stream().anyMatch(e -> e.startsWith("expired alice")), "alice expires");
        await(() -> conf.endpointCount() == 1, "alice is freed");

        server.close();
        assertEquals(0, server.conferenceCount());
        await(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive()
                && (t.getName().startsWith("sfu-media-") || t.getName().startsWith("sfu-control-"))), "media threads end");
    }

    private static void drain(LoopbackPeer p) {
        try {
            p.poll(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** @param what described when the condition failed (so it can say what was seen instead) */
    private static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what.get());
            }
            Thread.sleep(10);
        }
    }

    private static List<byte[]> bySsrc(List<byte[]> packets, long ssrc) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] p : packets) {
            if (TestPackets.readUint32(p, 8) == ssrc) {
                out.add(p);
            }
        }
        return out;
    }

    private static int countSsrc(List<byte[]> packets, long ssrc) {
        return bySsrc(packets, ssrc).size();
    }

    private static boolean hasRtcp(List<byte[]> compounds, int packetType, int fmt) {
        RtcpCompound c = new RtcpCompound();
        for (byte[] b : compounds) {
            c.wrap(b, 0, b.length);
            while (c.next()) {
                if (c.packetType() == packetType && (fmt < 0 || c.countOrFmt() == fmt)) {
                    return true;
                }
            }
        }
        return false;
    }
}
