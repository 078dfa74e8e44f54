package org.roundtable.sfu.ice;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidatePairState;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.CheckList;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.util.BufferHandler;
import org.roundtable.sfu.udp.UdpDestination;

/**
 * One ice4j {@link Agent} with one bundled, rtcp-muxed component, on a given harvester.
 * Payload arrives through the push API on the thread that reads the port (the server's reading
 * media worker, a client's {@code client.ClientReceiveLoop} thread, or ice4j's own); events on ice4j threads, and a
 * consent deadline on the consent watch's. Thread-safe as ice4j is; {@link #free} is idempotent.
 */
public final class IceSession {
    /** ICE events, called on ice4j threads (consent lost at its deadline: the consent watch's): hand over, never block. */
    public interface Events {
        /** A candidate pair passed its check: sending works from now on. */
        void onPairValidated();

        /** ICE failed, or consent freshness expired on the selected pair. */
        void onIceClosed(String reason);

        /** A consent check on the selected pair timed out while consent was still fresh: kept going. */
        void onConsentTimeoutTolerated();
    }

    private static final Logger LOG = Logger.getLogger(IceSession.class.getName());

    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final Events events;
    private final ConsentMonitor consent;
    /** Sends to the selected pair without ice4j's per-packet allocations and locks; null = always ice4j. */
    private final PairSender direct;
    private volatile boolean freed;
    private final ConsentDeadline consentDeadline;
    /** Written by whichever thread sends first after a pair change; an immutable value, so a stale read only re-encodes. */
    private volatile UdpDestination destination;

    private IceSession(Agent agent, IceMediaStream stream, Component component, Events events, ConsentMonitor consent,
                       PairSender direct) {
        this.direct = direct;
        this.agent = agent;
        this.stream = stream;
        this.component = component;
        this.events = events;
        this.consent = consent;
        this.consentDeadline = new ConsentDeadline(consent, ConsentWatch::after, this::consentExpired);
    }

    /**
     * @param controlling true for the client side (it nominates), false for the SFU
     * @param receiver gets every non-STUN datagram (the port's reading thread); must give buffers back via {@link IceBuffers#release}
     * @param consentPolicy decides when consent on the selected pair is lost (RFC 7675)
     * @param nanoClock times consent confirmations
     * @param direct sends from {@code harvester}'s address once a pair is selected (see {@link PairSender}); null: ice4j sends
     */
    public static IceSession create(CandidateHarvester harvester, boolean controlling, BufferHandler receiver, Events events,
                                    ConsentPolicy consentPolicy, LongSupplier nanoClock, PairSender direct) throws IOException {
        Ice4jSetup.configure();
        Agent agent = new Agent();
        try {
            agent.setControlling(controlling);
            agent.setUseDynamicPorts(false);
            agent.setPerformConsentFreshness(true);
            agent.addCandidateHarvester(harvester);
            IceMediaStream stream = agent.createMediaStream("media");
            Component component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, false);
            if (component.getLocalCandidateCount() == 0) {
                throw new IOException("the harvester gave no local candidate");
            }
            component.setBufferCallback(receiver);
            IceSession session = new IceSession(agent, stream, component, events, new ConsentMonitor(consentPolicy, nanoClock),
                    direct);
            agent.addStateChangeListener(session::onAgentState);
            stream.addPairChangeListener(session::onPairChange);
            return session;
        } catch (IOException | RuntimeException e) {
            agent.free();
            throw e;
        }
    }

    public String localUfrag() { return agent.getLocalUfrag(); }
    public String localPassword() { return agent.getLocalPassword(); }

    /** Our one host candidate (no "a=" prefix). */
    public String candidateLine() {
        LocalCandidate c = hostCandidate();
        TransportAddress a = c.getTransportAddress();
        return "candidate:1 1 udp " + c.getPriority() + " " + a.getHostAddress() + " " + a.getPort() + " typ host";
    }

    public InetSocketAddress localAddress() {
        TransportAddress a = hostCandidate().getTransportAddress();
        return new InetSocketAddress(a.getAddress(), a.getPort());
    }

    /** Starts checks. Remote candidates may be empty: the SFU learns the peer as peer-reflexive. */
    public void start(String remoteUfrag, String remotePassword, InetSocketAddress... remoteHosts) {
        stream.setRemoteUfrag(remoteUfrag);
        stream.setRemotePassword(remotePassword);
        for (InetSocketAddress host : remoteHosts) {
            component.addRemoteCandidate(new RemoteCandidate(new TransportAddress(host, Transport.UDP), component,
                    CandidateType.HOST_CANDIDATE, "1", 2130706431L, null));
        }
        agent.startConnectivityEstablishment();
    }

    /** Sends one datagram on the selected (else a valid) pair. @throws IOException before a pair is valid */
    public void send(byte[] buf, int off, int len) throws IOException {
        PairSender d = direct;
        if (d != null) {
            // the selected pair's local candidate is always the shared port that d is bound to
            CandidatePair selected = component.getSelectedPair();
            if (selected != null) {
                d.send(buf, off, len, destinationOf(selected.getRemoteCandidate().getTransportAddress()));
                return;
            }
        }
        component.send(buf, off, len);
    }

    /** The cached encoding of the selected pair's remote address (re-encoded when the pair changes). */
    private UdpDestination destinationOf(TransportAddress remote) {
        UdpDestination d = destination;
        if (d == null || d.address() != remote) {
            d = UdpDestination.of(remote);
            destination = d;
        }
        return d;
    }

    public boolean isFreed() {
        return freed;
    }

    /** Stops checks and consent freshness and releases the candidate (agent.free()). */
    public void free() {
        if (freed) {
            return;
        }
        freed = true;
        consentDeadline.stop();
        agent.free();
    }

    private LocalCandidate hostCandidate() {
        return component.getLocalCandidates().get(0);
    }

    private void onAgentState(PropertyChangeEvent e) {
        if (freed || !Agent.PROPERTY_ICE_PROCESSING_STATE.equals(e.getPropertyName())) {
            return;
        }
        if (e.getNewValue() == IceProcessingState.FAILED) {
            events.onIceClosed("ice-failed");
        } else if (e.getNewValue() == IceProcessingState.COMPLETED || e.getNewValue() == IceProcessingState.TERMINATED) {
            keepSelectedPairAnswerable();
        }
    }

    /**
     * ice4j (3.2) answers a check only for a pair on its check list once its own checks have
     * stopped, and refuses the rest with 403. Its nomination handling can drop the nominated pair
     * itself from that list (it prunes the component's Waiting and Frozen pairs, and a check that
     * arrived meanwhile may have put the nominated pair back to Waiting). Then every consent check
     * of the peer is refused and the peer drops the call ~30 s later: seen for 2 of 100 viewers.
     * Checked when ICE completes and at each of our consent confirmations (every ~5 s, cheap).
     */
    private void keepSelectedPairAnswerable() {
        CandidatePair selected = component.getSelectedPair();
        if (selected == null) {
            return;
        }
        CheckList checks = stream.getCheckList();
        synchronized (checks) {
            if (stream.findCandidatePair(selected.getLocalCandidate().getTransportAddress(),
                    selected.getRemoteCandidate().getTransportAddress()) != null) {
                return;
            }
            checks.add(selected);
        }
        // rare (a few sessions in a hundred) and a call lost without it: worth an operator's eye
        LOG.warning(() -> "ice4j dropped the selected pair " + selected.toShortString()
                + " from its check list; put back so that the peer's consent checks are answered");
    }

    /** Consent went unconfirmed for the whole expiry (see {@link ConsentDeadline}): at its deadline or a timed-out check. */
    private void consentExpired() {
        IceProcessingState state = agent.getState();
        LOG.info(() -> "no consent confirmation for " + TimeUnit.NANOSECONDS.toMillis(consent.sinceLastConfirmationNanos())
                + " ms (ICE " + state + "): closed");
        events.onIceClosed("ice-consent-lost");
    }

    /** For tests in this package: the ice4j stream and component behind this session. */
    IceMediaStream stream() {
        return stream;
    }

    Component component() {
        return component;
    }

    IceProcessingState state() {
        return agent.getState();
    }

    Agent agent() {
        return agent;
    }

    private void onPairChange(PropertyChangeEvent e) {
        if (freed) {
            return;
        }
        String name = e.getPropertyName();
        if (IceMediaStream.PROPERTY_PAIR_VALIDATED.equals(name)) {
            consent.confirmed(); // a pair is validated by an authenticated success response
            consentDeadline.start();
            events.onPairValidated();
        } else if (IceMediaStream.PROPERTY_PAIR_CONSENT_FRESHNESS_CHANGED.equals(name)) {
            // ice4j raises it for success responses on the selected pair only
            consent.confirmed();
            keepSelectedPairAnswerable();
        } else if (IceMediaStream.PROPERTY_PAIR_STATE_CHANGED.equals(name)
                && e.getNewValue() == CandidatePairState.FAILED
                && e.getSource() instanceof CandidatePair pair
                && pair == component.getSelectedPair()) {
            // after completion the only checks on the selected pair are consent freshness (RFC 7675);
            // one timed-out check is not proof (see ConsentMonitor): the age of the last response decides
            if (!consentDeadline.lostNow()) {
                LOG.fine(() -> "consent check timed out on " + pair.toShortString() + " but consent was confirmed "
                        + TimeUnit.NANOSECONDS.toMillis(consent.sinceLastConfirmationNanos()) + " ms ago: kept");
                events.onConsentTimeoutTolerated();
            }
        }
    }
}
