package org.roundtable.sfu.ice;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidatePairState;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.util.BufferHandler;

/**
 * One ice4j {@link Agent} with one bundled, rtcp-muxed component, on a given harvester.
 * Payload arrives through the push API on ice4j's receive thread; events on ice4j threads.
 * Thread-safe as ice4j is; {@link #free} is idempotent.
 */
public final class IceSession {
    /** ICE events, called on ice4j threads: hand over, never block. */
    public interface Events {
        /** A candidate pair passed its check: sending works from now on. */
        void onPairValidated();

        /** ICE failed, or consent freshness expired on the selected pair. */
        void onIceClosed(String reason);
    }

    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final Events events;
    private volatile boolean freed;

    private IceSession(Agent agent, IceMediaStream stream, Component component, Events events) {
        this.agent = agent;
        this.stream = stream;
        this.component = component;
        this.events = events;
    }

    /**
     * @param controlling true for the client side (it nominates), false for the SFU
     * @param receiver gets every non-STUN datagram (ice4j thread); must give buffers back via {@link IceBuffers#release}
     */
    public static IceSession create(CandidateHarvester harvester, boolean controlling, BufferHandler receiver, Events events)
            throws IOException {
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
            IceSession session = new IceSession(agent, stream, component, events);
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

    /** Sends one datagram on the valid or selected pair. @throws IOException before a pair is valid */
    public void send(byte[] buf, int off, int len) throws IOException {
        component.send(buf, off, len);
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
        agent.free();
    }

    private LocalCandidate hostCandidate() {
        return component.getLocalCandidates().get(0);
    }

    private void onAgentState(PropertyChangeEvent e) {
        if (!freed && Agent.PROPERTY_ICE_PROCESSING_STATE.equals(e.getPropertyName())
                && e.getNewValue() == IceProcessingState.FAILED) {
            events.onIceClosed("ice-failed");
        }
    }

    /**
     * ice4j fails a pair when any check transaction on it times out, also a stale connectivity or
     * nomination check (about 7.9 s of retransmissions) whose sibling succeeded. A real consent
     * failure takes 30 unanswered retransmissions (15 s with ice4j's defaults) after the last
     * confirmation, so a FAILED selected pair confirmed more recently than this is not consent loss.
     */
    private static final long STALE_CHECK_FAILURE_MILLIS = 12_000;

    private void onPairChange(PropertyChangeEvent e) {
        if (freed) {
            return;
        }
        String name = e.getPropertyName();
        if (IceMediaStream.PROPERTY_PAIR_VALIDATED.equals(name)) {
            events.onPairValidated();
        } else if (IceMediaStream.PROPERTY_PAIR_STATE_CHANGED.equals(name)
                && e.getNewValue() == CandidatePairState.FAILED
                && e.getSource() instanceof CandidatePair pair
                && pair == component.getSelectedPair()
                && System.currentTimeMillis() - pair.getConsentFreshness() > STALE_CHECK_FAILURE_MILLIS) {
            // after completion the only checks on the selected pair are consent freshness (RFC 7675)
            events.onIceClosed("ice-consent-lost");
        }
    }
}
