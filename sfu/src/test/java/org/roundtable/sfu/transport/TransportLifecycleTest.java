package org.roundtable.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.client.ClientTransport;
import org.roundtable.sfu.srtp.SrtpCrypto;
import org.roundtable.sfu.srtp.SrtpProfile;

/** Consent loss and resource release of transports on a loopback MediaPort. */
class TransportLifecycleTest {
    private static MediaPort port;
    private static final BufferPool POOL = new BufferPool(64);

    @BeforeAll
    static void openPort() {
        port = MediaPort.open(new SfuConfig("127.0.0.1", 0, "127.0.0.1", 1));
    }

    @AfterAll
    static void closePort() {
        port.close();
    }

    private record Connected(ServerTransport server, RecordingListener serverEvents, ClientTransport client,
                             RecordingListener clientEvents) {
    }

    private static Connected connect() throws InterruptedException {
        RecordingListener serverEvents = new RecordingListener();
        RecordingListener clientEvents = new RecordingListener();
        ServerTransport server = port.createTransport("lifecycle", serverEvents, POOL);
        ClientTransport client = ClientTransport.create("127.0.0.1", clientEvents, POOL, List.of(SrtpProfile.AEAD_AES_128_GCM));
        String[] cfp = client.localFingerprint().split(" ");
        server.start(client.localUfrag(), client.localPassword(), cfp[0], cfp[1]);
        String[] sfp = server.localFingerprint().split(" ");
        client.connect(server.localUfrag(), server.localPassword(), "127.0.0.1", port.port(), sfp[0], sfp[1]);
        assertNotNull(serverEvents.awaitConnected());
        assertNotNull(clientEvents.awaitConnected());
        return new Connected(server, serverEvents, client, clientEvents);
    }

    @Test
    void aVanishedPeerIsClosedByConsentFreshness() throws Exception {
        Connected c = connect();
        c.client.vanish(); // no close_notify, no more STUN answers
        assertEquals("vanished", c.clientEvents.awaitClosed());
        assertEquals("ice-consent-lost", c.serverEvents.awaitClosed());
        assertTrue(c.server.isAgentFreed());
    }

    @Test
    void closedTransportsLeaveNoThreadsBehind() throws Exception {
        connect().client.close(); // warm up the shared pools first
        Map<String, Integer> before = settledThreads(); // the warm-up client's threads end asynchronously
        for (int i = 0; i < 3; i++) {
            Connected c = connect();
            c.client.close();
            c.server.close();
            assertNotNull(c.serverEvents.awaitClosed());
        }
        Map<String, Integer> after = perTransportThreads();
        // ice4j ends a connector thread when its socket closes; wait for them to notice (liveness bound only)
        for (int i = 0; i < 300 && !after.equals(before); i++) {
            Thread.sleep(100);
            after = perTransportThreads();
        }
        assertEquals(before, after);
        assertEquals(0, port.counters().openTransports());
    }

    /** Thread counts once they stop changing for half a second (threads of closed sockets end asynchronously). */
    private static Map<String, Integer> settledThreads() throws InterruptedException {
        Map<String, Integer> last = perTransportThreads();
        for (int stable = 0, i = 0; stable < 5 && i < 300; i++) {
            Thread.sleep(100);
            Map<String, Integer> now = perTransportThreads();
            stable = now.equals(last) ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    @Test
    void iceFailureClosesTheTransport() throws Exception {
        // a socket that never answers: every check times out
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", 0))) {
            RecordingListener events = new RecordingListener();
            ClientTransport client = ClientTransport.create("127.0.0.1", events, POOL);
            client.connect("nobodyUfrag", "nobodyPasswordNobodyPassword", "127.0.0.1", silent.getLocalPort(),
                    "sha-256", port.certificate().fingerprint().substring(8));
            // ice4j gives up after its STUN retransmissions plus a 5 s grace period: allow for a loaded machine
            assertEquals("ice-failed", events.awaitClosed(120));
            assertTrue(client.isClosed());
            client.close();
        }
    }

    @Test
    void srtpBackEndIsChosenExplicitly() {
        assertTrue(List.of("OpenSSL", "SunJCE").contains(SrtpCrypto.provider()), SrtpCrypto.provider());
    }

    /** Threads that ice4j or we start per transport (per-socket connectors, per-harvester readers). */
    private static Map<String, Integer> perTransportThreads() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive()) {
                continue;
            }
            String name = t.getName();
            String kind = name.startsWith("IceConnector") ? "IceConnector"
                    : name.startsWith("org.ice4j.ice.harvest.AbstractUdpListener") ? "UdpListener"
                    : null;
            if (kind != null) {
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return counts;
    }
}
