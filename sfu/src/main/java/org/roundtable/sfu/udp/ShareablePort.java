package org.roundtable.sfu.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * Binds UDP sockets that share their port with others of ours (SO_REUSEADDR) without ever sharing
 * it with a stranger.
 *
 * <p>Why: on Linux a socket that sets SO_REUSEADDR and then binds may share a port that other
 * SO_REUSEADDR sockets already hold, and from then on the socket bound last receives everything
 * sent to that port. ice4j binds its socket pool that way, to port 0 for a client, so two
 * load-test participants sometimes ended up on one port: the newcomer's checks reached the other's
 * server session and were refused, and the older one went deaf and lost consent. And a second
 * server started on a busy media port would have taken its traffic silently. So the first socket
 * on a port binds WITHOUT the option, which only succeeds on a port nobody holds (port 0: the
 * kernel picks such a port), and sets it afterwards so that our own later sockets can join (the
 * kernel checks every holder's current flag at each bind). Stateless; thread-safe.
 */
public final class ShareablePort {
    private ShareablePort() {
    }

    /**
     * Binds the first socket of a port: fails if anything holds {@code local} already; with port 0,
     * gets a port nobody holds. Sockets of ours may {@link #join} it afterwards.
     */
    public static void claim(DatagramChannel channel, InetSocketAddress local) throws IOException {
        channel.bind(local);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    }

    /** Binds another socket of ours to a port that a {@link #claim}ed socket holds. */
    public static void join(DatagramChannel channel, InetSocketAddress claimed) throws IOException {
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(claimed);
    }

    /** Binds a socket of someone else's (ice4j's) to {@code port}. */
    public interface Binder<T> {
        T bind(int port) throws IOException;
    }

    /**
     * {@link #reserve(InetSocketAddress) Reserves} {@code local}, has {@code binder} bind to the
     * reserved port, then frees the placeholder: for binders that set SO_REUSEADDR themselves.
     */
    public static <T> T bindReserved(InetSocketAddress local, Binder<T> binder) throws IOException {
        try (Reservation reserved = reserve(local)) {
            return binder.bind(reserved.port());
        }
    }

    /**
     * Claims {@code local} for a binder that sets SO_REUSEADDR itself (ice4j's socket pool): bind it
     * to {@link Reservation#port()}, then close the reservation. Its placeholder socket receives
     * nothing once the real owner has bound after it.
     */
    public static Reservation reserve(InetSocketAddress local) throws IOException {
        DatagramChannel placeholder = DatagramChannel.open();
        try {
            claim(placeholder, local);
            return new Reservation(placeholder);
        } catch (IOException | RuntimeException e) {
            placeholder.close();
            throw e;
        }
    }

    /** A claimed port, held until the real owner has bound it. */
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

        /** Closing a datagram socket loses nothing, so a failure to close is not worth an exception. */
        @Override
        public void close() {
            try {
                placeholder.close();
            } catch (IOException ignored) {
                // the descriptor is released by the JDK even when close reports an error
            }
        }
    }
}
