package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends datagrams from the shared media port straight to a selected pair's remote address.
 * ice4j's {@code Component.send} allocates a DatagramPacket and a holder per call, looks the
 * socket up in a synchronized map keyed by InetSocketAddress and takes two more locks in its
 * socket pool; on the forwarding path that cost more than the SRTP. This channel is bound to the
 * same address and port as the harvester (SO_REUSEADDR) BEFORE the harvester binds its sockets:
 * on Linux the last socket bound receives, so ice4j keeps receiving and we only send.
 * Thread-safe (the channel serialises concurrent senders); each thread copies into its own
 * direct buffer, so a send allocates nothing. Non-blocking: a full send buffer drops the datagram.
 */
public final class PairSender implements AutoCloseable {
    private static final int MAX_DATAGRAM = 2048;
    private static final ThreadLocal<ByteBuffer> DIRECT = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_DATAGRAM));

    private final DatagramChannel channel;

    private PairSender(DatagramChannel channel) {
        this.channel = channel;
    }

    /** Binds a send-only channel to {@code local} (port 0 picks one: read it from {@link #localPort()}). */
    public static PairSender bind(InetSocketAddress local) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(local);
            // a blocking channel registers the thread for interruptible I/O and takes its state lock on
            // every send (DatagramChannelImpl.beginWrite): measurable per packet. UDP never blocks for
            // long anyway; a full send buffer is a drop, counted by the caller.
            ch.configureBlocking(false);
            return new PairSender(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public int localPort() {
        return channel.socket().getLocalPort();
    }

    /** Sends one datagram. @throws IOException also when the socket's send buffer is full (the datagram is dropped) */
    public void send(byte[] buf, int off, int len, InetSocketAddress to) throws IOException {
        if (len > MAX_DATAGRAM) {
            throw new IOException("datagram of " + len + " bytes is too large");
        }
        ByteBuffer direct = DIRECT.get();
        direct.clear();
        direct.put(buf, off, len);
        direct.flip();
        if (channel.send(direct, to) == 0) {
            throw new IOException("send buffer full");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a datagram channel cannot lose data
        }
    }
}
