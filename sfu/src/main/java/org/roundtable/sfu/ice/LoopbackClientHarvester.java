package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicReference;
import org.ice4j.TransportAddress;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferHandler;

/**
 * The client-side candidate of one synthetic participant: one UDP socket (on loopback in tests,
 * which ice4j's host harvester skips). ice4j's single-port harvester only opens a path to a
 * remote address when a check arrives from it; an ICE-controlling client sends first, so it
 * opens the path to the server itself ({@link #openPathTo}).
 *
 * <p>Datagrams may also reach ice4j from outside its own reading thread ({@link #deliver}): a
 * client's receive loop that reads many sockets with one thread hands each datagram from the
 * opened path here. Thread-safe as ice4j's listener.
 */
public final class LoopbackClientHarvester extends HandOverHarvester {
    /** The path {@link #openPathTo} opened. */
    private final AtomicReference<Path> path = new AtomicReference<>();

    public LoopbackClientHarvester(TransportAddress localAddress) throws IOException {
        super(localAddress);
    }

    /** Lets the agent whose local ufrag is {@code localUfrag} send to and receive from {@code remote}. */
    public void openPathTo(InetSocketAddress remote, String localUfrag) throws IOException {
        if (maybeAcceptNewSession(null, remote, localUfrag) == null) {
            throw new IOException("no local candidate for ufrag " + localUfrag + " (harvest first)");
        }
    }

    @Override
    protected MySocket addSocket(InetSocketAddress remote, String ufrag, BufferHandler payload) throws SocketException {
        MySocket socket = super.addSocket(remote, ufrag, payload);
        // the first is the one openPathTo opens; a peer's other addresses stay with ice4j's thread
        path.compareAndSet(null, new Path(remote, socket, payload));
        return socket;
    }

    /**
     * Hands a datagram received from the opened path's remote to ice4j as its own reading thread
     * would (see {@link #handOver}). False, with the buffer not taken, when no path is open.
     */
    public boolean deliver(Buffer datagram) {
        Path p = path.get();
        if (p == null) {
            return false;
        }
        handOver(p, datagram);
        return true;
    }
}
