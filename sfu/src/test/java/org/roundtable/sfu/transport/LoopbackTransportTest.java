package org.roundtable.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.srtp.SrtpProfile;

/** ServerTransport on a loopback MediaPort against our ClientTransport: real ice4j, BC DTLS, jitsi-srtp. */
class LoopbackTransportTest {
    private static MediaPort port;
    private static final BufferPool POOL = new BufferPool(256);

    @BeforeAll
    static void openPort() {
        port = MediaPort.open(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
    }

    @AfterAll
    static void closePort() {
        port.close();
    }

    /** Transports of earlier tests close asynchronously: wait for them so counts are exact. */
    private static int awaitNoOpenTransports() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (port.counters().openTransports() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return port.counters().openTransports();
    }

    /** A connected server/client pair. */
    record Pair(ServerTransport server, RecordingListener serverEvents, ClientTransport client, RecordingListener clientEvents)
            implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    private static Pair connect(List<SrtpProfile> offered, String serverExpectsFingerprint) {
        return connect(port, offered, serverExpectsFingerprint);
    }

    /** A server transport on {@code port} and a client connecting to it. */
    static Pair connect(MediaPort port, List<SrtpProfile> offered, String serverExpectsFingerprint) {
        RecordingListener serverEvents = new RecordingListener();
        RecordingListener clientEvents = new RecordingListener();
        ServerTransport server = port.createTransport("test", serverEvents, POOL);
        ClientTransport client = ClientTransport.create("127.0.0.1", clientEvents, POOL, offered);
        String[] clientFp = (serverExpectsFingerprint != null ? serverExpectsFingerprint : client.localFingerprint()).split(" ");
        server.start(client.localUfrag(), client.localPassword(), clientFp[0], clientFp[1]);
        String[] serverFp = server.localFingerprint().split(" ");
        client.connect(server.localUfrag(), server.localPassword(), "127.0.0.1", port.port(), serverFp[0], serverFp[1]);
        return new Pair(server, serverEvents, client, clientEvents);
    }

    static byte[] rtp(int seq, long ssrc, int payloadLength) {
        byte[] b = new byte[12 + payloadLength];
        b[0] = (byte) 0x80;
        b[1] = 111;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[4] = 0x12;
        b[7] = (byte) seq;
        b[8] = (byte) (ssrc >> 24);
        b[9] = (byte) (ssrc >> 16);
        b[10] = (byte) (ssrc >> 8);
        b[11] = (byte) ssrc;
        for (int i = 12; i < b.length; i++) {
            b[i] = (byte) (i * 31 + seq);
        }
        return b;
    }

    /** RTCP receiver report with one report block (RFC 3550 6.4.2), 32 bytes. */
    static byte[] rtcpReceiverReport(long ssrc) {
        byte[] b = new byte[32];
        b[0] = (byte) 0x81;
        b[1] = (byte) 201;
        b[3] = 7;
        b[4] = (byte) (ssrc >> 24);
        b[5] = (byte) (ssrc >> 16);
        b[6] = (byte) (ssrc >> 8);
        b[7] = (byte) ssrc;
        for (int i = 8; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] bytes(PacketBuffer p) {
        return Arrays.copyOfRange(p.getBuffer(), p.getOffset(), p.getOffset() + p.getLength());
    }

    static PacketBuffer buffer(byte[] plain) {
        return POOL.take().copyFrom(plain, 0, plain.length);
    }

    /** Sends {@code plain} protected from one side and checks the other side decrypts it back. */
    private static void roundTrip(byte[] plain, java.util.function.Predicate<PacketBuffer> send,
                                  RecordingListener receiverEvents, java.util.function.Predicate<PacketBuffer> unprotect)
            throws InterruptedException {
        PacketBuffer out = buffer(plain);
        assertTrue(send.test(out), "protectAndSend");
        assertFalse(Arrays.equals(plain, bytes(out)), "sent bytes are encrypted");
        out.release();
        PacketBuffer in = receiverEvents.awaitPacket();
        assertNotNull(in, "packet arrived");
        assertTrue(unprotect.test(in), "unprotect");
        assertArrayEquals(plain, bytes(in));
        in.release();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpAndRtcpRoundTripInBothDirections(SrtpProfile profile) throws Exception {
        long packetsInBefore = port.counters().packetsIn();
        try (Pair p = connect(List.of(profile), null)) {
            assertEquals(profile, p.serverEvents.awaitConnected());
            assertEquals(profile, p.clientEvents.awaitConnected());
            assertTrue(p.server.isConnected());
            for (int seq = 1; seq <= 5; seq++) {
                roundTrip(rtp(seq, 0x11223344L, 40 + 200 * seq), p.client::protectAndSend, p.serverEvents, p.server::unprotect);
                roundTrip(rtp(seq, 0x55667788L, 1100), p.server::protectAndSend, p.clientEvents, p.client::unprotect);
            }
            roundTrip(rtcpReceiverReport(0x11223344L), p.client::protectAndSend, p.serverEvents, p.server::unprotect);
            roundTrip(rtcpReceiverReport(0x55667788L), p.server::protectAndSend, p.clientEvents, p.client::unprotect);
            assertEquals(6, port.counters().packetsIn() - packetsInBefore, "the server side received 5 RTP + 1 RTCP");
        }
    }

    /** Sends {@code plain} from {@code onConnected} itself, i.e. as early as the keys exist on this side. */
    private static final class EagerSender extends RecordingListener {
        private final byte[] plain;
        final java.util.concurrent.atomic.AtomicReference<java.util.function.Predicate<PacketBuffer>> sender =
                new java.util.concurrent.atomic.AtomicReference<>();
        final java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();

        EagerSender(byte[] plain) {
            this.plain = plain;
        }

        @Override
        public void onConnected(SrtpProfile profile) {
            sent.set(sender.get().test(buffer(plain)));
            super.onConnected(profile);
        }
    }

    @Test
    void packetsSentTheMomentASideConnectsAreHeldUntilThePeerHasItsKeys() throws Exception {
        // one side gets its keys before the other has finished (BC sends Finished before accept/connect
        // returns): what it sends at once reaches a peer without keys, which must hold and replay it
        byte[] fromServer = rtp(1, 0xABCDEFL, 300);
        byte[] fromClient = rtp(1, 0xFEDCBAL, 300);
        EagerSender serverEvents = new EagerSender(fromServer);
        EagerSender clientEvents = new EagerSender(fromClient);
        ServerTransport server = port.createTransport("eager", serverEvents, POOL);
        serverEvents.sender.set(server::protectAndSend);
        try (ClientTransport client = ClientTransport.create("127.0.0.1", clientEvents, POOL)) {
            clientEvents.sender.set(client::protectAndSend);
            String[] cfp = client.localFingerprint().split(" ");
            server.start(client.localUfrag(), client.localPassword(), cfp[0], cfp[1]);
            String[] sfp = server.localFingerprint().split(" ");
            client.connect(server.localUfrag(), server.localPassword(), "127.0.0.1", port.port(), sfp[0], sfp[1]);
            assertNotNull(serverEvents.awaitConnected());
            assertNotNull(clientEvents.awaitConnected());
            assertTrue(serverEvents.sent.get());
            assertTrue(clientEvents.sent.get());

            PacketBuffer atClient = clientEvents.awaitPacket();
            assertNotNull(atClient);
            assertTrue(client.unprotect(atClient));
            assertArrayEquals(fromServer, bytes(atClient));
            PacketBuffer atServer = serverEvents.awaitPacket();
            assertNotNull(atServer);
            assertTrue(server.unprotect(atServer));
            assertArrayEquals(fromClient, bytes(atServer));
        } finally {
            server.close();
        }
    }

    @Test
    void theClientReadsThroughTheSharedReceiveLoopNotIce4jsThreadPerSocket() throws Exception {
        // on loopback a thread per client socket made the SFU wake one sleeping thread per datagram it sent
        try (Pair p = connect(List.of(SrtpProfile.AEAD_AES_128_GCM), null)) {
            assertNotNull(p.serverEvents.awaitConnected());
            assertNotNull(p.clientEvents.awaitConnected()); // STUN answers and DTLS came through the loop too
            // packets that beat the client's keys are replayed on the DTLS thread: let one through first
            assertTrue(p.server.protectAndSend(buffer(rtp(1000, 0x5EEDL, 200))));
            PacketBuffer first = p.clientEvents.awaitPacket();
            assertNotNull(first);
            first.release();
            p.clientEvents.packetThreads.clear();
            for (int seq = 1; seq <= 20; seq++) {
                assertTrue(p.server.protectAndSend(buffer(rtp(seq, 0x5EEDL, 200))));
            }
            for (int i = 0; i < 20; i++) {
                PacketBuffer got = p.clientEvents.awaitPacket();
                assertNotNull(got, "packet " + i);
                assertTrue(p.client.unprotect(got));
                got.release();
                String thread = p.clientEvents.packetThreads.take();
                assertTrue(thread.startsWith("client-receive-"), "handed over on " + thread);
            }
        }
    }

    @Test
    void aClosedClientFreesItsPortAtOnce() throws Exception {
        Pair p = connect(List.of(SrtpProfile.AEAD_AES_128_GCM), null);
        assertNotNull(p.clientEvents.awaitConnected());
        int clientPort = Integer.parseInt(p.client.candidateLine().split(" ")[5]);
        // the server goes first, so that nothing arrives at the client's port after it closes
        p.server.close();
        assertNotNull(p.clientEvents.awaitClosed());
        p.client.close();
        // a socket registered with the receive loop closes only when the loop lets go of it: with
        // nothing else arriving, it must not wait for the next datagram to do so
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try (DatagramSocket exclusive = new DatagramSocket(null)) {
                exclusive.setReuseAddress(false);
                exclusive.bind(new InetSocketAddress("127.0.0.1", clientPort));
                return;
            } catch (java.net.BindException stillHeld) {
                assertTrue(System.nanoTime() < deadline, "port " + clientPort + " still held after close");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void serverPicksGcmWhenTheClientListsCmFirstLikeChromium() throws Exception {
        try (Pair p = connect(ClientTransport.CHROMIUM_ORDER, null)) {
            assertEquals(SrtpProfile.AEAD_AES_128_GCM, p.serverEvents.awaitConnected());
            assertEquals(SrtpProfile.AEAD_AES_128_GCM, p.clientEvents.awaitConnected());
        }
    }

    @Test
    void fingerprintMismatchFailsTheHandshake() throws Exception {
        long failuresBefore = port.counters().dtlsHandshakeFailures();
        long mismatchesBefore = port.counters().fingerprintMismatches();
        // the server expects some other certificate than the client's
        try (Pair p = connect(List.of(SrtpProfile.AEAD_AES_128_GCM), port.certificate().fingerprint())) {
            String reason = p.serverEvents.awaitClosed();
            assertNotNull(reason);
            assertTrue(reason.contains("fingerprint"), reason);
            assertTrue(p.serverEvents.connected.isEmpty());
            assertEquals(1, port.counters().fingerprintMismatches() - mismatchesBefore);
            assertEquals(1, port.counters().dtlsHandshakeFailures() - failuresBefore);
            String clientReason = p.clientEvents.awaitClosed();
            assertNotNull(clientReason);
            assertTrue(clientReason.startsWith("dtls-failed"), clientReason);
            assertTrue(p.server.isAgentFreed());
        }
    }

    @Test
    void closeFreesTheAgentAndTellsThePeer() throws Exception {
        int openBefore = awaitNoOpenTransports();
        Pair p = connect(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80), null);
        assertEquals(openBefore + 1, port.counters().openTransports());
        assertNotNull(p.serverEvents.awaitConnected());
        assertNotNull(p.clientEvents.awaitConnected());

        p.server.close();
        assertEquals("closed", p.serverEvents.awaitClosed());
        assertTrue(p.server.isAgentFreed());
        assertFalse(p.server.isConnected());
        assertEquals(openBefore, port.counters().openTransports());
        assertFalse(p.server.protectAndSend(buffer(rtp(1, 1, 10))), "nothing is sent after close");
        assertEquals("dtls-close-notify", p.clientEvents.awaitClosed());
        p.close();
        assertTrue(p.serverEvents.closed.isEmpty(), "onClosed is called once");
    }

    @Test
    void garbageDoesNotBreakAnEstablishedTransport() throws Exception {
        try (Pair p = connect(List.of(SrtpProfile.AEAD_AES_128_GCM), null);
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertNotNull(p.serverEvents.awaitConnected());
            assertNotNull(p.clientEvents.awaitConnected());
            Random random = new Random(7);
            InetSocketAddress media = new InetSocketAddress("127.0.0.1", port.port());
            byte[][] garbage = {
                randomBytes(random, 200), randomBytes(random, 1), {22, (byte) 0xFE, (byte) 0xFD, 0, 0},
                {(byte) 0x80, 111, 0}, {(byte) 0x80, (byte) 200}, {0, 1, 0, 8}, new byte[0],
            };
            for (byte[] g : garbage) {
                stranger.send(new DatagramPacket(g, g.length, media));
                assertTrue(p.client.sendRaw(g, 0, g.length) || g.length == 0);
            }
            long srtpFailuresBefore = port.counters().srtpFailures();
            // what looks like RTP/RTCP by its first byte and came over the real pair reaches the server and is rejected there
            int rtpLooking = 0;
            for (byte[] g : garbage) {
                rtpLooking += g.length > 0 && PacketKind.of(g[0]) == PacketKind.RTP_RTCP ? 1 : 0;
            }
            assertEquals(4, rtpLooking);
            for (int i = 0; i < rtpLooking; i++) {
                PacketBuffer bad = p.serverEvents.awaitPacket();
                assertNotNull(bad);
                assertFalse(p.server.unprotect(bad));
                bad.release();
            }
            assertEquals(rtpLooking, port.counters().srtpFailures() - srtpFailuresBefore);

            roundTrip(rtp(1, 0x1234L, 500), p.client::protectAndSend, p.serverEvents, p.server::unprotect);
            roundTrip(rtp(1, 0x4321L, 500), p.server::protectAndSend, p.clientEvents, p.client::unprotect);
            assertTrue(p.server.isConnected());
            assertTrue(p.serverEvents.closed.isEmpty());
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        b[0] = (byte) (0x80 | (b[0] & 0x3F)); // looks like RTP
        return b;
    }
}
