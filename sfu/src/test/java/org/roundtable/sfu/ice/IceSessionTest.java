package org.roundtable.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CheckList;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roundtable.sfu.udp.ShareablePort;

/** A server-side (controlled) session against a client-side (controlling) one on loopback. */
@Timeout(60)
class IceSessionTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    /** Records what a session reports; thread-safe (ice4j threads). */
    private static final class Recorder implements IceSession.Events {
        final CountDownLatch validated = new CountDownLatch(1);
        volatile String closed;

        @Override
        public void onPairValidated() {
            validated.countDown();
        }

        @Override
        public void onIceClosed(String reason) {
            closed = reason;
        }

        @Override
        public void onConsentTimeoutTolerated() {
        }
    }

    private static final BufferHandler DISCARD = new BufferHandler() {
        @Override
        public void handleBuffer(Buffer buffer) {
            IceBuffers.release(buffer);
        }
    };

    @Test
    void aSelectedPairThatLeftIce4jsCheckListIsPutBackSoThePeersChecksAreAnswered() throws Exception {
        Ice4jSetup.configure();
        SinglePortUdpHarvester serverPort = ShareablePort.bindReserved(new InetSocketAddress(LO, 0),
                port -> new SinglePortUdpHarvester(new TransportAddress(LO, port, Transport.UDP)));
        LoopbackClientHarvester clientPort = ShareablePort.bindReserved(new InetSocketAddress(LO, 0),
                port -> new LoopbackClientHarvester(new TransportAddress(LO, port, Transport.UDP)));
        Recorder serverEvents = new Recorder();
        Recorder clientEvents = new Recorder();
        ConsentPolicy consent = Ice4jSetup.consentPolicy();
        IceSession server = IceSession.create(serverPort, false, DISCARD, serverEvents, consent, System::nanoTime, null);
        IceSession client = IceSession.create(clientPort, true, DISCARD, clientEvents, consent, System::nanoTime, null);
        try (LogCapture log = new LogCapture(IceSession.class.getName())) {
            server.start(client.localUfrag(), client.localPassword()); // learns the client as peer-reflexive
            InetSocketAddress serverAddress = server.localAddress();
            clientPort.openPathTo(serverAddress, client.localUfrag());
            client.start(server.localUfrag(), server.localPassword(), serverAddress);
            assertTrue(serverEvents.validated.await(10, TimeUnit.SECONDS), "the server validated no pair");
            CandidatePair selected = awaitSelected(server);
            // the bug needs ice4j's own checks stopped: before that, ice4j answers a check and adds a new pair itself
            for (int i = 0; i < 300 && server.state() != IceProcessingState.TERMINATED; i++) {
                Thread.sleep(50);
            }
            assertEquals(IceProcessingState.TERMINATED, server.state());

            // what ice4j's nomination race does now and then: the selected pair leaves the check list,
            // and from then on ice4j refuses the peer's consent checks for it (403)
            CheckList checks = server.stream().getCheckList();
            synchronized (checks) {
                checks.remove(selected);
                assertNull(findable(server, selected));
            }

            // put back at the server's next consent confirmation (every ~2 s in tests)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (findable(server, selected) == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertNotNull(findable(server, selected), "the selected pair never came back to the check list");
            // put back by us, not by ice4j (which would add a new pair of its own); the repair logs
            // after it has let go of the check list, so its line may come a moment after the pair
            long logDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (log.messages().stream().noneMatch(m -> m.contains("put back")) && System.nanoTime() < logDeadline) {
                Thread.sleep(20);
            }
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("put back")), log.messages().toString());
            // the client's consent outlives an expiry (5 s in tests) after the repair: its checks are answered
            Thread.sleep(consent.expiry().toMillis() + 2000);
            assertNull(clientEvents.closed, "the client lost consent");
            assertNull(serverEvents.closed, "the server lost consent");
        } finally {
            client.free();
            server.free();
            clientPort.close();
            serverPort.close();
        }
    }

    @Test
    void aPeerThatVanishesBeforeNominatingLosesConsentAlthoughIce4jNeverChecksIt() throws Exception {
        Ice4jSetup.configure();
        SinglePortUdpHarvester serverPort = ShareablePort.bindReserved(new InetSocketAddress(LO, 0),
                port -> new SinglePortUdpHarvester(new TransportAddress(LO, port, Transport.UDP)));
        LoopbackClientHarvester clientPort = ShareablePort.bindReserved(new InetSocketAddress(LO, 0),
                port -> new LoopbackClientHarvester(new TransportAddress(LO, port, Transport.UDP)));
        Recorder serverEvents = new Recorder();
        Recorder clientEvents = new Recorder();
        ConsentPolicy consent = Ice4jSetup.consentPolicy();
        IceSession server = IceSession.create(serverPort, false, DISCARD, serverEvents, consent, System::nanoTime, null);
        IceSession client = IceSession.create(clientPort, true, DISCARD, clientEvents, consent, System::nanoTime, null);
        // a peer that has not nominated yet: the server's pair is valid (DTLS could run) but its agent
        // does not complete, and ice4j sends consent checks only from COMPLETED on
        client.agent().setNominationStrategy(org.ice4j.ice.NominationStrategy.NONE);
        try {
            server.start(client.localUfrag(), client.localPassword());
            InetSocketAddress serverAddress = server.localAddress();
            clientPort.openPathTo(serverAddress, client.localUfrag());
            client.start(server.localUfrag(), server.localPassword(), serverAddress);
            assertTrue(serverEvents.validated.await(10, TimeUnit.SECONDS), "the server validated no pair");
            client.free(); // vanishes
            clientPort.close();
            long validatedAt = System.nanoTime();
            long deadline = validatedAt + consent.expiry().toNanos() + TimeUnit.SECONDS.toNanos(10);
            while (serverEvents.closed == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("ice-consent-lost", serverEvents.closed, "server ICE " + server.state());
            assertTrue(System.nanoTime() - validatedAt >= consent.expiry().toNanos() - TimeUnit.SECONDS.toNanos(1),
                    "closed before the expiry");
            assertTrue(server.state() != IceProcessingState.COMPLETED && server.state() != IceProcessingState.TERMINATED,
                    "the scenario needs an agent that never completed: " + server.state());
        } finally {
            client.free();
            server.free();
            clientPort.close();
            serverPort.close();
        }
    }

    private static CandidatePair awaitSelected(IceSession s) throws InterruptedException {
        for (int i = 0; i < 200 && s.component().getSelectedPair() == null; i++) {
            Thread.sleep(50);
        }
        CandidatePair selected = s.component().getSelectedPair();
        assertNotNull(selected, "no selected pair");
        return selected;
    }

    private static CandidatePair findable(IceSession s, CandidatePair pair) {
        return s.stream().findCandidatePair(pair.getLocalCandidate().getTransportAddress(),
                pair.getRemoteCandidate().getTransportAddress());
    }
}
