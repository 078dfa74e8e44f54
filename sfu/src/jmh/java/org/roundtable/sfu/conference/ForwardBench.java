package org.roundtable.sfu.conference;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jitsi.srtp.SrtpErrorStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.roundtable.sfu.api.ConferenceListener;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.sfu.bench.BenchPackets;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.ice.PairSender;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.sdp.ClientAnswer;
import org.roundtable.sfu.sdp.OfferBuilder;
import org.roundtable.sfu.srtp.SrtpCrypto;
import org.roundtable.sfu.srtp.SrtpKeys;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.srtp.SrtpSession;
import org.roundtable.sfu.stats.NtpTime;
import org.roundtable.sfu.udp.UdpDestination;
import org.roundtable.sfu.worker.MediaWorker;

/**
 * The whole forwarding step of one received video packet to {@code receivers} consumers, on a
 * real {@link Conference} driven on the benchmark thread: hand-over through the publisher's inbox,
 * parse, producer stats and NACK bookkeeping, then per consumer copy, rewrite, remap, retransmission
 * cache, transport-wide sequence number, SRTP (AEAD_AES_128_GCM) and, with {@code send=true}, a
 * real UDP datagram from a {@link PairSender} to a loopback socket (nobody reads it: once its queue
 * is full the kernel drops at the socket, so the receiver's wake-up is not in the figure).
 * The publisher side is plaintext (its SRTP unprotect is in {@link org.roundtable.sfu.bench.SrtpBench}).
 * Divide the score by {@code receivers} for the per-consumer cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardBench {
    private static final String FP = "sha-256 " + "CD:".repeat(31) + "CD";
    private static final long VIDEO_SSRC = 0xAAAA0001L;

    @Param({"1", "10"})
    public int receivers;

    @Param({"false", "true"})
    public boolean send;

    private long nanos = 1_000_000_000L;
    private MediaWorker worker;
    private final BufferPool pool = new BufferPool(1024);
    private final Map<String, BenchLegTransport> transports = new HashMap<>();
    private PairSender sender;
    private DatagramChannel sink;
    private byte[] packet;
    private int seq;
    private long ts;

    /** Plaintext in; SRTP GCM protect (and optionally a real send) out. Confined to the benchmark thread. */
    final class BenchLegTransport implements LegTransport {
        final Events events;
        final SrtpSession srtp;

        BenchLegTransport(Events events) {
            this.events = events;
            byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
            new SecureRandom().nextBytes(material);
            this.srtp = new SrtpSession(SrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material), false);
        }

        @Override public String localUfrag() { return "benchufrag"; }
        @Override public String localPassword() { return "benchpasswordbenchpassword"; }
        @Override public String localFingerprint() { return FP; }
        @Override public String candidateLine() { return "candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host"; }
        @Override public void start(String u, String p, String a, String h) { }
        @Override public boolean unprotect(PacketBuffer p) { return true; }

        @Override
        public boolean protectAndSend(PacketBuffer p) {
            if (srtp.protect(p) != SrtpErrorStatus.OK) {
                return false;
            }
            if (send) {
                try {
                    sender.send(p.getBuffer(), p.getOffset(), p.getLength(), sinkAddress);
                } catch (IOException e) {
                    return false;
                }
            }
            return true;
        }

        @Override public boolean isConnected() { return true; }
        @Override public void close() { }
    }

    private UdpDestination sinkAddress;
    private BenchLegTransport publisher;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SrtpCrypto.init();
        InetAddress lo = InetAddress.getLoopbackAddress();
        sink = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
        sinkAddress = UdpDestination.of((InetSocketAddress) sink.getLocalAddress());
        sender = PairSender.bind(new InetSocketAddress(lo, 0));
        worker = new MediaWorker("bench-worker", () -> nanos);
        LegTransport.Factory factory = (id, ev) -> {
            BenchLegTransport t = new BenchLegTransport(ev);
            transports.put(id, t);
            return t;
        };
        Conference conference = new Conference("bench", worker, new ConferenceListener() {
            @Override public void onTrackAdded(TrackInfo t) { }
            @Override public void onTrackRemoved(TrackInfo t) { }
            @Override public void onEndpointExpired(String id, String reason) { }
        }, new SfuContext(pool, factory, new NtpTime(0), Runnable::run), c -> { });
        EndpointHandle alice = conference.addEndpoint("alice", true);
        String offer = new OfferBuilder("aliceufrag", "alicepasswordalicepassword", FP)
                .sendVideo(VIDEO_SSRC, VIDEO_SSRC + 1, "alice", "s", "v").build();
        ClientAnswer published = OfferBuilder.readAnswer(complete(alice.answerPublish(offer)));
        transports.get("alice/publish").events.onConnected();
        for (int i = 0; i < receivers; i++) {
            EndpointHandle viewer = conference.addEndpoint("viewer" + i, false);
            String sub = new OfferBuilder("viewer" + i + "ufrag", "viewerpasswordviewerpassword", FP).recvOnly(MediaKind.VIDEO).build();
            complete(viewer.answerSubscribe(sub, Map.of("0", "alice:0")));
            transports.get("viewer" + i + "/subscribe").events.onConnected();
        }
        worker.runOnce();
        publisher = transports.get("alice/publish");
        var media = published.mediaByMid("0");
        int tcc = media.extensionId(TransportCcExtension.URI);
        int abs = media.extensionId(AbsSendTimeExtension.URI);
        packet = BenchPackets.rtp(media.codec().pt(), 0, 0, VIDEO_SSRC, new int[] {abs, tcc}, new int[] {3, 2}, 1100);
    }

    private <T> T complete(CompletableFuture<T> f) throws Exception {
        for (int i = 0; i < 10 && !f.isDone(); i++) {
            worker.runOnce();
        }
        return f.get();
    }

    @Benchmark
    public int forwardOnePacket() {
        seq = (seq + 1) & 0xFFFF;
        ts += 3000;
        nanos += 1_000_000L; // 1 ms per packet: timers (NACK, feedback, reports) run at their real rate per packet
        BenchPackets.writeSeq(packet, 0, seq);
        BenchPackets.writeUint32(packet, 4, ts);
        BenchPackets.writeSeq(packet, 19, seq); // transport-wide sequence number: bytes 21-22, after abs-send-time
        PacketBuffer p = pool.take();
        p.copyFrom(packet, 0, packet.length);
        publisher.events.onPacket(p);
        return worker.runOnce();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        worker.close();
        sender.close();
        sink.close();
    }
}
