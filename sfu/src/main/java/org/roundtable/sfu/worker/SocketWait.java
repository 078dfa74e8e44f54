package org.roundtable.sfu.worker;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A media worker's socket ({@link ReceiveSource}) and the selector it waits on when idle instead of
 * parking. {@link #wakeup} from any thread; the rest on the worker's thread.
 */
final class SocketWait {
    private static final Logger LOG = Logger.getLogger(SocketWait.class.getName());

    private final ReceiveSource source;
    private final Selector selector;

    private SocketWait(ReceiveSource source, Selector selector) {
        this.source = source;
        this.selector = selector;
    }

    static SocketWait on(ReceiveSource source) throws IOException {
        Selector selector = Selector.open();
        try {
            source.channel().register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            closeQuietly(selector);
            throw e instanceof IOException io ? io : new IOException(e);
        }
        return new SocketWait(source, selector);
    }

    /** Reads at most {@code budget} datagrams; returns how many. */
    int receive(int budget) {
        return source.receive(budget);
    }

    /** False once the source closed its socket (it gave up, or the port closes). */
    boolean isOpen() {
        return source.channel().isOpen();
    }

    /**
     * Sleeps until {@link #wakeup}, a datagram, or {@code nanos} (rounded up to the millisecond:
     * a timer is at most that late, never run early in a spin). Throws when waiting failed.
     */
    void idle(long nanos) throws IOException {
        selector.select(key -> { }, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
    }

    /** Ends the current or next {@link #idle}. Any thread. */
    void wakeup() {
        selector.wakeup();
    }

    /** Closes the source's socket: its owner's fallback takes the port over. */
    void giveUp() {
        try {
            source.channel().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a media worker's socket", e);
        }
    }

    /**
     * Lets go of the socket for good. A non-blocking channel closed while registered keeps its socket
     * until its selector lets go of it: flush the cancelled key first.
     */
    void release() {
        try {
            selector.selectNow();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "releasing a media worker's socket", e);
        }
        closeQuietly(selector);
    }

    /** Closes the selector only (the worker stops; the socket's owner closes it). */
    void close() {
        closeQuietly(selector);
    }

    private static void closeQuietly(Selector s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a media worker's selector", e);
        }
    }
}
