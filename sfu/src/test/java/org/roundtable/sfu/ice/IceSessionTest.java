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

    /** A server-side session and a client-side one on their own loopback ports, not yet started. */
    private static final class Peers implements AutoCloseable {
        final SinglePortUdpHarvester serverPort;
        final LoopbackClientHarvester clientPort;
        final Recorder serverEvents = new Recorder();
        final Recorder clientEvents = new Recorder();
        final ConsentPolicy consent;
        final IceSession server;
        final IceSession client;

        Peers() throws Exception {
            Ice4jSetup.configure();
            consent = Ice4jSetup.consentPolicy();
            serverPort = ShareablePort.bindReserved(new InetSocketAddress(LO, 0),
                    port -> new SinglePortUdpHarvester(new TransportAddress(LO, port, Transport.UDP)));
            clientPort = ShareablePort.bindReserved(new InetSocketAddress(LO, 0),
                    port -> new LoopbackClientHarvester(new TransportAddress(LO, port, Transport.UDP)));
            server = IceSession.create(serverPort, false, DISCARD, serverEvents, consent, System::nanoTime, null);
            client = IceSession.create(clientPort, true, DISCARD, clientEvents, consent, System::nanoTime, null);
        }

        /** Starts both (the server learns the client as peer-reflexive) and waits for the server's valid pair. */
        void connect() throws Exception {
            server.start(client.localUfrag(), client.localPassword());
            InetSocketAddress serverAddress = server.localAddress();
            clientPort.openPathTo(serverAddress, client.localUfrag());
            client.start(server.localUfrag(), server.localPassword(), serverAddress);
            assertTrue(serverEvents.validated.await(10, TimeUnit.SECONDS), "the server validated no pair");
        }

        @Override
        public void close() {
            client.free();
            server.free();
            clientPort.close();
            serverPort.close();
        }
    }

    @Test
    void aSelectedPairThatLeftIce4jsCheckListIsPutBackSoThePeersChecksAreAnswered() throws Exception {
        try (Peers peers = new Peers(); LogCapture log = new LogCapture(IceSession.class.getName())) {
            IceSession server = peers.server;
            peers.connect();
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
            Thread.sleep(peers.consent.expiry().toMillis() + 2000);
            assertNull(peers.clientEvents.closed, "the client lost consent");
            assertNull(peers.serverEvents.closed, "the server lost consent");
        }
    }

    @Test
    void aPeerThatVanishesBeforeNominatingLosesConsentAlthoughIce4jNeverChecksIt() throws Exception {
        try (Peers peers = new Peers()) {
            // a peer that has not nominated yet: the server's pair is valid (DTLS could run) but its agent
            // does not complete, and ice4j sends consent checks only from COMPLETED on
            peers.client.agent().setNominationStrategy(org.ice4j.ice.NominationStrategy.NONE);
            peers.connect();
            peers.client.free(); // vanishes
            peers.clientPort.close();
            long validatedAt = System.nanoTime();
            long expiry = peers.consent.expiry().toNanos();
            while (peers.serverEvents.closed == null && System.nanoTime() < validatedAt + expiry + TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(50);
            }
            IceProcessingState state = peers.server.state();
            assertEquals("ice-consent-lost", peers.serverEvents.closed, "server ICE " + state);
            assertTrue(System.nanoTime() - validatedAt >= expiry - TimeUnit.SECONDS.toNanos(1), "closed before the expiry");
            assertTrue(state != IceProcessingState.COMPLETED && state != IceProcessingState.TERMINATED,
                    "the scenario needs an agent that never completed: " + state);
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
