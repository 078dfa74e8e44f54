package org.roundtable.sfu.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Adapts the ICE component to Bouncy Castle's blocking DTLS API: the ICE receive thread
 * {@link #offer}s DTLS datagrams (never blocking; a full queue drops, DTLS retransmits), the
 * DTLS thread {@link #receive}s them. Datagrams that arrive before the handshake starts wait
 * here. Thread-safe: one producer (ICE), one consumer (DTLS thread), close from any thread.
 */
public final class DtlsDatagramTransport implements DatagramTransport {
    /** Sends one datagram over the ICE pair. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] buf, int off, int len) throws IOException;
    }

    private static final byte[] WAKE_UP = new byte[0];
    /** Stays below any path MTU we meet; BC fragments handshake messages to fit. */
    private static final int SEND_LIMIT = 1200;
    private static final int RECEIVE_LIMIT = 1500;

    private final ArrayBlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(64);
    private final Sender sender;
    private volatile boolean closed;

    public DtlsDatagramTransport(Sender sender) {
        this.sender = sender;
    }

    /** Queues a received DTLS datagram (copied). @return false if dropped (closed or full) */
    public boolean offer(byte[] buf, int off, int len) {
        return !closed && inbound.offer(Arrays.copyOfRange(buf, off, off + len));
    }

    public boolean hasPending() {
        return !inbound.isEmpty();
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        byte[] d;
        try {
            d = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (d == null) {
            return -1;
        }
        if (d == WAKE_UP || closed) {
            throw new IOException("transport closed");
        }
        int n = Math.min(len, d.length);
        System.arraycopy(d, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        sender.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
        inbound.offer(WAKE_UP);
    }
}
