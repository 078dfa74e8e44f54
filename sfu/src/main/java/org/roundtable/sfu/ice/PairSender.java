package org.roundtable.sfu.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.roundtable.sfu.thread.MediaThreadLocal;
import org.roundtable.sfu.udp.DatagramBatch;
import org.roundtable.sfu.udp.NativeDatagrams;
import org.roundtable.sfu.udp.ShareablePort;
import org.roundtable.sfu.udp.UdpDestination;
import org.roundtable.sfu.worker.HeldSends;

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
 *
 * <p>Held sends: a media worker calls {@link #holdOnThisThread()} once; from then on its datagrams
 * collect in a {@link DatagramBatch} that it {@link #flush()}es after each burst of work (one
 * system call per batch). Other threads (DTLS handshakes) send at once.
 * Thread-safe; each thread copies into its own direct buffers, so a send allocates nothing.
 * Non-blocking: a full send buffer drops the datagram.
 */
public final class PairSender implements AutoCloseable, HeldSends {
    /** One sending thread's channel and buffers. */
    private static final class Slot {
        final DatagramChannel channel;
        /** For sends at once; a thread that holds its sends never needs it. */
        ByteBuffer direct;
        DatagramBatch batch;

        Slot(DatagramChannel channel) {
            this.channel = channel;
        }
    }

    private final DatagramChannel[] channels;
    private final boolean useNative;
    private final AtomicInteger nextChannel = new AtomicInteger();
    private final MediaThreadLocal<Slot> slots = new MediaThreadLocal<>(this::newSlot);

    private PairSender(DatagramChannel[] channels, boolean useNative) {
        this.channels = channels;
        this.useNative = useNative;
    }

    /** One channel bound to {@code local} (port 0 picks one: read it from {@link #localPort()}). */
    public static PairSender bind(InetSocketAddress local) throws IOException {
        return bind(local, 1);
    }

    /** {@code count} channels bound to {@code local}; with port 0, all to the port the first one got. */
    public static PairSender bind(InetSocketAddress local, int count) throws IOException {
        return bind(local, count, NativeDatagrams.available());
    }

    /** As {@link #bind(InetSocketAddress, int)}; {@code useNative} false: held sends go through NIO. */
    public static PairSender bind(InetSocketAddress local, int count, boolean useNative) throws IOException {
        DatagramChannel[] channels = new DatagramChannel[Math.max(1, count)];
        InetSocketAddress at = local;
        try {
            for (int i = 0; i < channels.length; i++) {
                channels[i] = open(at, i == 0);
                at = new InetSocketAddress(local.getAddress(), channels[i].socket().getLocalPort());
            }
            // the library may load on a JDK whose channel hides its descriptor: then batches go through NIO
            return new PairSender(channels, useNative && NativeDatagrams.canSendThrough(channels[0]));
        } catch (IOException | RuntimeException e) {
            for (DatagramChannel ch : channels) {
                if (ch != null) {
                    ch.close();
                }
            }
            throw e;
        }
    }

    /** @param first the port's first socket: it must find the port free (see {@link ShareablePort}) */
    private static DatagramChannel open(InetSocketAddress local, boolean first) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            if (first) {
                ShareablePort.claim(ch, local);
            } else {
                ShareablePort.join(ch, local);
            }
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
        return new Slot(channels[Math.floorMod(nextChannel.getAndIncrement(), channels.length)]);
    }

    public int localPort() {
        return channels[0].socket().getLocalPort();
    }

    public int channelCount() {
        return channels.length;
    }

    /** Whether held sends leave through sendmmsg/GSO (else one NIO send per datagram). */
    public boolean sendsNatively() {
        return useNative;
    }

    @Override
    public void holdOnThisThread() {
        Slot slot = slots.get();
        if (slot.batch == null) {
            slot.batch = new DatagramBatch(slot.channel, useNative);
        }
    }

    @Override
    public int flush() {
        DatagramBatch batch = slots.get().batch;
        return batch == null ? 0 : batch.flush();
    }

    /**
     * Sends one datagram, or holds it until {@link #flush()} on a thread that asked for that.
     * @throws IOException also when the socket's send buffer is full (the datagram is dropped); a
     *     held datagram the kernel refuses is counted by {@link #flush()} instead
     */
    public void send(byte[] buf, int off, int len, UdpDestination to) throws IOException {
        Slot slot = slots.get();
        if (slot.batch != null) {
            slot.batch.add(buf, off, len, to);
            return;
        }
        if (len > DatagramBatch.MAX_DATAGRAM) {
            throw new IOException("datagram of " + len + " bytes is too large");
        }
        ByteBuffer direct = slot.direct;
        if (direct == null) {
            direct = ByteBuffer.allocateDirect(DatagramBatch.MAX_DATAGRAM);
            slot.direct = direct;
        }
        direct.clear();
        direct.put(buf, off, len);
        direct.flip();
        if (slot.channel.send(direct, to.address()) == 0) {
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
