package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;

/**
 * The client-side candidate of one synthetic participant: one UDP socket (on loopback in tests,
 * which ice4j's host harvester skips). ice4j's single-port harvester only opens a path to a
 * remote address when a check arrives from it; an ICE-controlling client sends first, so it
 * opens the path to the server itself ({@link #openPathTo}). Thread-safe as ice4j's listener.
 */
public final class LoopbackClientHarvester extends SinglePortUdpHarvester {

    public LoopbackClientHarvester(TransportAddress localAddress) throws IOException {
        super(localAddress);
    }

    /** Lets the agent whose local ufrag is {@code localUfrag} send to and receive from {@code remote}. */
    public void openPathTo(InetSocketAddress remote, String localUfrag) throws IOException {
        if (maybeAcceptNewSession(null, remote, localUfrag) == null) {
            throw new IOException("no local candidate for ufrag " + localUfrag + " (harvest first)");
        }
    }
}
