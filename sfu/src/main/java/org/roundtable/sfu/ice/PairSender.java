package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends datagrams from the shared media port straight to a selected pair's remote address.
 * ice4j's {@code Component.send} allocates a DatagramPacket and a holder per call, looks the
 * socket up in a synchronized map keyed by InetSocketAddress and takes two more locks in its
 * socket pool; on the forwarding path that cost more than the SRTP. These channels are bound to the
 * same address and port as the harvester (SO_REUSEADDR) BEFORE the harvester binds its sockets:
 * on Linux the last socket bound receives, so ice4j keeps receiving and we only send.
 *
 * <p>Several channels: a channel serialises its senders with a lock, which made the send lanes
 * take turns instead of sending in parallel. Each sending thread is given one channel on its first
 * send, in turn, and keeps it (one per send lane when there are as many channels as lanes).
 * Thread-safe; each thread copies into its own direct buffer, so a send allocates nothing.
 * Non-blocking: a full send buffer drops the datagram.
 */
public final class PairSender implements AutoCloseable {
    private static final int MAX_DATAGRAM = 2048;

    /** One sending thread's channel and buffer. */
    private record Slot(DatagramChannel channel, ByteBuffer direct) {
    }

    private final DatagramChannel[] channels;
    private final AtomicInteger nextChannel = new AtomicInteger();
    private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(this::newSlot);

    private PairSender(DatagramChannel[] channels) {
        this.channels = channels;
    }

    /** One channel bound to {@code local} (port 0 picks one: read it from {@link #localPort()}). */
    public static PairSender bind(InetSocketAddress local) throws IOException {
        return bind(local, 1);
    }

    /** {@code count} channels bound to {@code local}; with port 0, all to the port the first one got. */
    public static PairSender bind(InetSocketAddress local, int count) throws IOException {
        DatagramChannel[] channels = new DatagramChannel[Math.max(1, count)];
        InetSocketAddress at = local;
        try {
            for (int i = 0; i < channels.length; i++) {
                channels[i] = open(at);
                at = new InetSocketAddress(local.getAddress(), channels[i].socket().getLocalPort());
            }
            return new PairSender(channels);
        } catch (IOException | RuntimeException e) {
            for (DatagramChannel ch : channels) {
                if (ch != null) {
                    ch.close();
                }
            }
            throw e;
        }
    }

    private static DatagramChannel open(InetSocketAddress local) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(local);
            // a blocking channel registers the thread for interruptible I/O and takes its state lock on
            // every send (DatagramChannelImpl.beginWrite): measurable per packet. UDP never blocks for
            // long anyway; a full send buffer is a drop, counted by the caller.
            ch.configureBlocking(false);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private Slot newSlot() {
        DatagramChannel ch = channels[Math.floorMod(nextChannel.getAndIncrement(), channels.length)];
        return new Slot(ch, ByteBuffer.allocateDirect(MAX_DATAGRAM));
    }

    public int localPort() {
        return channels[0].socket().getLocalPort();
    }

    public int channelCount() {
        return channels.length;
    }

    /** Sends one datagram. @throws IOException also when the socket's send buffer is full (the datagram is dropped) */
    public void send(byte[] buf, int off, int len, InetSocketAddress to) throws IOException {
        if (len > MAX_DATAGRAM) {
            throw new IOException("datagram of " + len + " bytes is too large");
        }
        Slot slot = slots.get();
        ByteBuffer direct = slot.direct();
        direct.clear();
        direct.put(buf, off, len);
        direct.flip();
        if (slot.channel().send(direct, to) == 0) {
            throw new IOException("send buffer full");
        }
    }

    @Override
    public void close() {
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a datagram channel cannot lose data
            }
        }
    }
}
