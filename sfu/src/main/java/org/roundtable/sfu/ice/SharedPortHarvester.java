package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ice4j.TransportAddress;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferHandler;

/**
 * The server's one ICE candidate for every endpoint: ice4j's single-port harvester, whose port may
 * also be read by someone else than ice4j's own thread (the media worker that owns the port, see
 * {@code transport.MediaPortReader}). Such a reader hands each datagram to {@link #deliver}, which
 * does what ice4j's thread would: a STUN Binding Request from a new address opens a path to the
 * agent its USERNAME names; STUN on a known path goes to that agent's STUN stack, anything else
 * to the component's push callback. Thread-safe as ice4j's listener.
 */
public final class SharedPortHarvester extends HandOverHarvester {
    private final Map<InetSocketAddress, Path> paths = new ConcurrentHashMap<>();
    /** Whether someone else than ice4j's thread reads the port: only then are paths recorded (and forgotten). */
    private volatile boolean readOutside;

    public SharedPortHarvester(TransportAddress localAddress) throws IOException {
        super(localAddress);
    }

    @Override
    protected MySocket addSocket(InetSocketAddress remote, String ufrag, BufferHandler payload) throws SocketException {
        MySocket socket = super.addSocket(remote, ufrag, payload);
        if (readOutside) {
            paths.put(remote, new Path(remote, socket, payload));
        }
        return socket;
    }

    /**
     * Someone else than ice4j's thread reads the port from now on ({@code true}), or no longer
     * ({@code false}: the recorded paths are dropped, ice4j's own map serves its thread).
     */
    public void readOutside(boolean outside) {
        readOutside = outside;
        if (!outside) {
            paths.clear();
        }
    }

    /**
     * ice4j adds the path's socket before it tells the agent's candidate, which refuses once the
     * agent is freed or failed: ice4j then keeps the socket (and its descriptor) for good. Close it.
     */
    @Override
    protected MySocket maybeAcceptNewSession(Buffer buf, InetSocketAddress remote, String ufrag) {
        MySocket accepted = super.maybeAcceptNewSession(buf, remote, ufrag);
        if (accepted == null) {
            Path halfOpen = paths.remove(remote);
            if (halfOpen != null) {
                halfOpen.stun().close(); // also leaves ice4j's own map
            }
        }
        return accepted;
    }

    /**
     * Hands over a datagram from {@code remote} as ice4j's reading thread would: a STUN Binding
     * Request from a new address opens a path to the agent its USERNAME names; on a known path,
     * see {@link #handOver}. False, with the buffer not taken, when nobody knows the sender.
     */
    public boolean deliver(InetSocketAddress remote, Buffer datagram) {
        Path path = paths.get(remote);
        if (path != null && path.stun().isClosed()) { // ice4j closes a path's socket when its agent is freed
            paths.remove(remote, path);
            path = null;
        }
        if (path != null) {
            handOver(path, datagram);
            return true;
        }
        String ufrag = StunPeek.localUfrag(datagram.getBuffer(), datagram.getOffset(), datagram.getLength());
        MySocket opened = ufrag == null ? null : maybeAcceptNewSession(datagram, remote, ufrag);
        if (opened == null) {
            return false;
        }
        toStunStack(opened, remote, datagram);
        return true;
    }

    /** Forgets the paths of freed agents. */
    public void forgetClosedPaths() {
        paths.values().removeIf(p -> p.stun().isClosed());
    }
}
