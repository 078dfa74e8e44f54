package org.roundtable.sfu.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.sfu.stats.NtpTime;
import org.roundtable.sfu.testutil.TestPackets;
import org.roundtable.sfu.worker.MediaWorker;

/**
 * The hot-path rule "no per-packet allocation", measured: once warm, receiving, rewriting and
 * sending to three receivers (with the RTCP timers running) allocates nothing on the worker.
 */
class ForwardingAllocationTest {
    private static final long MS = 1_000_000L;
    private static final String FP = "sha-256 " + "CD:".repeat(31) + "CD";

    /** Counts instead of recording, so the test itself allocates nothing per packet. */
    private static final class CountingTransport implements LegTransport {
        final Events events;
        long sent;
        CountingTransport(Events events) { this.events = events; }
        @Override public String localUfrag() { return "ufragufrag"; }
        @Override public String localPassword() { return "passwordpasswordpassword"; }
        @Override public String localFingerprint() { return FP; }
        @Override public String candidateLine() { return "candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host"; }
        @Override public void start(String u, String p, String a, String h) { }
        @Override public boolean unprotect(PacketBuffer packet) { return true; }
        @Override public boolean protectAndSend(PacketBuffer packet) { sent++; return true; }
        @Override public boolean isConnected() { return true; }
        @Override public void close() { }
    }

    @Test
    void warmForwardingPathAllocatesNothing() throws Exception {
        AtomicLong now = new AtomicLong(0);
        MediaWorker worker = new MediaWorker("alloc-test", now::get);
        BufferPool pool = new BufferPool(256);
        Map<String, CountingTransport> transports = new HashMap<>();
        SfuContext ctx = new SfuContext(pool, (id, ev) -> {
            CountingTransport t = new CountingTransport(ev);
            transports.put(id, t);
            return t;
        }, new NtpTime(0), Runnable::run);
        Conference conference = new Conference("room", worker, ConferenceListener.NONE, ctx, c -> { });

        EndpointHandle alice = conference.addEndpoint("alice", true);
        ClientAnswer pub = OfferBuilder.readAnswer(complete(worker, alice.answerPublish(new OfferBuilder("aliceufrag",
                "alicepasswordalicepassword", FP).sendAudio(1, "a", "s", "a").sendVideo(2, 3, "a", "s", "v").build())));
        for (String name : new String[] {"bob", "carol", "dave"}) {
            EndpointHandle e = conference.addEndpoint(name, false);
            complete(worker, e.answerSubscribe(new OfferBuilder(name + "ufrag", name + "passwordpasswordpassword", FP)
                    .recvOnly(MediaKind.AUDIO).recvOnly(MediaKind.VIDEO).build(), Map.of("0", "alice:0", "1", "alice:1")));
        }
        transports.values().forEach(t -> t.events.onConnected());
        worker.runOnce();

        int audioPt = pub.mediaByMid("0").codec().pt();
        int videoPt = pub.mediaByMid("1").codec().pt();
        int levelId = pub.mediaByMid("0").extensionId(AudioLevelExtension.URI);
        int tccId = pub.mediaByMid("1").extensionId(TransportCcExtension.URI);
        byte[] audio = TestPackets.rtp(audioPt, 0, 0, 1, false, new int[][] {{levelId, 0x90}, {tccId, 0, 0}}, 80, 1);
        byte[] video = TestPackets.rtp(videoPt, 0, 0, 2, false, new int[][] {{tccId, 0, 0}}, 1000, 2);
        LegTransport.Events in = transports.get("alice/publish").events;

        int[] seq = {0};
        Runnable sendRound = () -> {
            for (int i = 0; i < 1000; i++) {
                int s = seq[0]++;
                byte[] pkt = (s & 1) == 0 ? audio : video;
                pkt[2] = (byte) (s >>> 9);
                pkt[3] = (byte) (s >>> 1);
                int tccData = pkt == audio ? 19 : 17; // audio's tcc element follows the audio level element
                pkt[tccData] = (byte) (s >>> 8);
                pkt[tccData + 1] = (byte) s;
                PacketBuffer p = pool.take();
                p.copyFrom(pkt, 0, pkt.length);
                in.onPacket(p);
                now.addAndGet(MS);
                worker.runOnce();
            }
        };
        sendRound.run(); // warm-up: caches fill, pools fill, JIT compiles
        sendRound.run();

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bufferAllocations = pool.allocations();
        long sentBefore = transports.get("bob/subscribe").sent;
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        sendRound.run();
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertTrue(transports.get("bob/subscribe").sent - sentBefore >= 1000, "every packet forwarded to bob");
        assertEquals(bufferAllocations, pool.allocations(), "no new packet buffers once warm");
        assertTrue(allocated < 1000, "1000 packets x 3 receivers allocated " + allocated + " bytes");
    }

    private static <T> T complete(MediaWorker worker, CompletableFuture<T> f) throws Exception {
        for (int i = 0; i < 10 && !f.isDone(); i++) {
            worker.runOnce();
        }
        return f.get();
    }
}
