package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferHandler;

/**
 * ice4j's single-port harvester for a port that our own thread may read instead of ice4j's: that
 * reader hands each datagram over through {@link #handOver}, which does what ice4j's reading
 * thread does for a known peer address. Thread-safe as ice4j's listener.
 */
abstract class HandOverHarvester extends SinglePortUdpHarvester {
    /** One peer address's path: ice4j's socket for STUN, the component for the rest. */
    protected record Path(InetSocketAddress remote, MySocket stun, BufferHandler payload) { }

    protected HandOverHarvester(TransportAddress localAddress) throws IOException {
        super(localAddress);
    }

    /** STUN (a header with the magic cookie) to the path's STUN stack, the rest to its component, which then owns the buffer. */
    protected final void handOver(Path path, Buffer datagram) {
        if (StunPeek.isStun(datagram.getBuffer(), datagram.getOffset(), datagram.getLength())) {
            toStunStack(path.stun(), path.remote(), datagram);
        } else {
            datagram.setRemoteAddress(path.remote());
            datagram.setLocalAddress(localAddress);
            path.payload().handleBuffer(datagram); // counts what is neither DTLS nor RTP, as with ice4j's thread
        }
    }

    /** A STUN message from {@code remote} to the agent whose socket {@code stun} is; it then owns the buffer. */
    protected final void toStunStack(MySocket stun, InetSocketAddress remote, Buffer datagram) {
        datagram.setRemoteAddress(remote);
        datagram.setLocalAddress(localAddress);
        datagram.setReceivedTime(Instant.now());
        stun.addBuffer(datagram);
    }
}
