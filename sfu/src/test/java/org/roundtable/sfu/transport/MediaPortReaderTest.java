package org.roundtable.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.transport.LoopbackTransportTest.Pair;
import org.roundtable.sfu.worker.MediaWorker;

/** The media port read by a media worker instead of ice4j's thread: ICE, DTLS and media all come through it. */
class MediaPortReaderTest {
    private static final String WORKER = "port-reading-worker";
    private static MediaPort port;
    private static MediaWorker worker;

    @BeforeAll
    static void openPort() {
        port = MediaPort.open(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
        MediaPortReader reader = port.openReader();
        assertNotNull(reader, "the port can be read by a worker");
        worker = new MediaWorker(WORKER, System::nanoTime).readsFrom(reader).start();
    }

    @AfterAll
    static void closePort() {
        worker.close();
        port.close();
    }

    @Test
    void iceDtlsAndMediaArriveOnTheReadingWorker() throws Exception {
        try (Pair p = LoopbackTransportTest.connect(port, List.of(SrtpProfile.AEAD_AES_128_GCM), null)) {
            // the client's checks and handshake reached ice4j and the DTLS engine through the worker
            assertNotNull(p.serverEvents().awaitConnected());
            assertNotNull(p.clientEvents().awaitConnected());
            // packets that beat the server's keys are replayed on the DTLS thread: let one through first
            assertTrue(p.client().protectAndSend(LoopbackTransportTest.buffer(LoopbackTransportTest.rtp(1000, 0xC0FFEEL, 300))));
            PacketBuffer first = p.serverEvents().awaitPacket();
            assertNotNull(first);
            first.release();
            p.serverEvents().packetThreads.clear();
            for (int seq = 1; seq <= 20; seq++) {
                assertTrue(p.client().protectAndSend(LoopbackTransportTest.buffer(LoopbackTransportTest.rtp(seq, 0xC0FFEEL, 300))));
            }
            for (int i = 0; i < 20; i++) {
                PacketBuffer got = p.serverEvents().awaitPacket();
                assertNotNull(got, "packet " + i);
                assertTrue(p.server().unprotect(got));
                got.release();
                assertEquals(WORKER, p.serverEvents().packetThreads.take(), "not ice4j's thread");
            }
        }
    }

    @Test
    void strangersAreCountedAndDroppedWhileAPeerGoesOn() throws Exception {
        try (Pair p = LoopbackTransportTest.connect(port, List.of(SrtpProfile.AEAD_AES_128_GCM), null);
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertNotNull(p.serverEvents().awaitConnected());
            assertNotNull(p.clientEvents().awaitConnected());
            long droppedBefore = port.counters().droppedUnknown();
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", port.port());
            byte[] media = LoopbackTransportTest.rtp(1, 0xBADL, 100); // from an address no agent knows
            byte[] check = HexFormat.of().parseHex("000100102112a442b7e7a701bc34d686fa87dfae" // a check for ufrag "evtj"
                    + "000600096576746a3a68367659202020");
            byte[] noise = {0x42, 0x00, 0x01};
            for (byte[] d : List.of(media, check, noise, new byte[0])) {
                stranger.send(new DatagramPacket(d, d.length, target));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (port.counters().droppedUnknown() < droppedBefore + 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            // at least: a late close_notify of the previous test's pair counts there too
            assertTrue(port.counters().droppedUnknown() >= droppedBefore + 4, "every stranger's datagram is counted");

            assertTrue(p.client().protectAndSend(LoopbackTransportTest.buffer(LoopbackTransportTest.rtp(7, 0xC0FFEEL, 300))));
            PacketBuffer got = p.serverEvents().awaitPacket();
            assertNotNull(got, "the peer's media still arrives");
            assertTrue(p.server().unprotect(got));
            got.release();
        }
    }

    @Test
    void aReaderThatGivesUpLeavesThePortToIce4jsThreadMidCall() throws Exception {
        // what the reader does when reading fails: it closes its channel on the worker, and a call goes on
        MediaPort other = MediaPort.open(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
        MediaPortReader reader = other.openReader();
        MediaWorker reading = new MediaWorker("giving-up-worker", System::nanoTime).readsFrom(reader).start();
        try (Pair p = LoopbackTransportTest.connect(other, List.of(SrtpProfile.AEAD_AES_128_GCM), null)) {
            assertNotNull(p.serverEvents().awaitConnected());
            assertNotNull(p.clientEvents().awaitConnected());
            reading.submit(() -> {
                reader.close();
                return null;
            }).get(5, java.util.concurrent.TimeUnit.SECONDS);
            // datagrams that reach the socket while the worker lets go of it are lost with it: one gets through first
            int seq = 1;
            PacketBuffer through = null;
            for (long deadline = System.nanoTime() + 20_000_000_000L; through == null && System.nanoTime() < deadline; ) {
                assertTrue(p.client().protectAndSend(LoopbackTransportTest.buffer(LoopbackTransportTest.rtp(seq++, 0xC0FFEEL, 300))));
                through = p.serverEvents().packets.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertNotNull(through, "media goes on after the reader gave up");
            through.release();
            Thread.sleep(100);
            for (PacketBuffer late = p.serverEvents().packets.poll(); late != null; late = p.serverEvents().packets.poll()) {
                late.release();
            }
            p.serverEvents().packetThreads.clear();
            for (int i = 0; i < 5; i++, seq++) {
                assertTrue(p.client().protectAndSend(LoopbackTransportTest.buffer(LoopbackTransportTest.rtp(seq, 0xC0FFEEL, 300))));
                PacketBuffer got = p.serverEvents().awaitPacket();
                assertNotNull(got, "packet " + seq + " after the reader gave up");
                got.release();
                assertTrue(!p.serverEvents().packetThreads.take().equals("giving-up-worker"), "received by ice4j's thread");
            }
        } finally {
            reading.close();
            other.close();
        }
    }
}
