package org.roundtable.sfu.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * Binds UDP sockets that share their port with others of ours (SO_REUSEADDR) without ever sharing
 * it with a stranger.
 *
 * <p>Why: on Linux a socket that sets SO_REUSEADDR and then binds port 0 may be given a port that
 * other SO_REUSEADDR sockets already hold, and from then on the socket bound last receives
 * everything sent to that port. ice4j binds its socket pool that way, so two load-test participants
 * (or a client and a test's server) could end up on one port: the newcomer's checks reached the
 * other's server session and were refused, and the older one went deaf and lost consent. A socket
 * that binds port 0 WITHOUT the option only gets a port nobody holds; setting the option after the
 * bind still lets our own later sockets join it (the kernel checks every holder's flag at each bind).
 * Stateless; thread-safe.
 */
public final class ShareablePort {
    private ShareablePort() {
    }

    /** Binds {@code channel} to {@code local} so that our other sockets may bind the same port afterwards. */
    public static void bind(DatagramChannel channel, InetSocketAddress local) throws IOException {
        if (local.getPort() == 0) {
            channel.bind(local); // without SO_REUSEADDR: a port no socket holds
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        } else {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(local);
        }
    }

    /**
     * Holds a fresh port on {@code address} for a binder that would otherwise ask for port 0 with
     * SO_REUSEADDR (ice4j's socket pool): bind it to {@link Reservation#port()}, then close the
     * reservation.
     */
    public static Reservation reserve(InetAddress address) throws IOException {
        DatagramChannel placeholder = DatagramChannel.open();
        try {
            bind(placeholder, new InetSocketAddress(address, 0));
            return new Reservation(placeholder);
        } catch (IOException | RuntimeException e) {
            placeholder.close();
            throw e;
        }
    }

    /** A port held by a socket that receives nothing once the real owner has bound after it. */
    public static final class Reservation implements AutoCloseable {
        private final DatagramChannel placeholder;
        private final int port;

        private Reservation(DatagramChannel placeholder) {
            this.placeholder = placeholder;
            this.port = placeholder.socket().getLocalPort();
        }

        public int port() {
            return port;
        }

        @Override
        public void close() throws IOException {
            placeholder.close();
        }
    }
}
