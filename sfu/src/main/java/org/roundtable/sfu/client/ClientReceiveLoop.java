package org.roundtable.sfu.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.util.Buffer;
import org.roundtable.sfu.ice.IceBuffers;
import org.roundtable.sfu.ice.LoopbackClientHarvester;
import org.roundtable.sfu.transport.PacketKind;
import org.roundtable.sfu.transport.TransportCounters;
import org.roundtable.sfu.udp.ShareablePort;

/**
 * Reads every client socket of the process with a few threads, as a browser's one network thread
 * does, instead of ice4j's thread per socket.
 *
 * <p>Why: on loopback the SFU's {@code sendmmsg} runs the receiver's side of each datagram too, and
 * a receiver thread asleep in {@code recvfrom} has to be woken by it. With a thread per
 * participant, every copy of a fan-out woke a different sleeping thread: a third of the sending
 * worker's time in a broadcast to 200, a cost a real SFU never pays for receivers on other
 * machines. Here a thread asleep in {@code epoll_wait} is woken once per burst, and the copies
 * after the first only join its ready list.
 *
 * <p>Each datagram goes to the socket's {@link LoopbackClientHarvester}, which hands STUN to ice4j
 * and the rest to the transport, exactly as ice4j's own reading thread would. Opened and closed
 * from any thread; each reader thread owns its selector and the keys on it.
 */
final class ClientReceiveLoop {
    private static final Logger LOG = Logger.getLogger(ClientReceiveLoop.class.getName());
    /** Two threads: one would be the load generator's limit at the roundtable's 60k+ packets/s. */
    private static final int THREADS = 2;
    /** Datagrams read from one socket before the others get their turn. */
    private static final int READS_PER_TURN = 32;
    private static final int MAX_DATAGRAM = 2048;
    /** A second of a 2.5 Mbit/s participant's media: the loop may be busy with the others. */
    private static final int RECEIVE_BUFFER = 512 * 1024;

    private static final class Holder {
        static final ClientReceiveLoop INSTANCE = new ClientReceiveLoop(THREADS);
    }

    /** One socket read by the loop; closing it frees the port at once. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final Reader[] readers;
    private final AtomicInteger next = new AtomicInteger();

    private ClientReceiveLoop(int threads) {
        readers = new Reader[threads];
        for (int i = 0; i < threads; i++) {
            readers[i] = new Reader("client-receive-" + i);
        }
    }

    static ClientReceiveLoop shared() {
        return Holder.INSTANCE;
    }

    /**
     * Reads {@code harvester}'s port from now on: a socket joins the port after ice4j's own (Linux
     * delivers to the socket bound last, the rule ice4j's socket pool relies on too) and is
     * connected to {@code server}, which also ranks it above ice4j's unconnected socket for the
     * server's datagrams. Datagrams from other addresses stay with ice4j's thread. Drops are
     * counted on {@code counters}.
     */
    Registration open(LoopbackClientHarvester harvester, InetSocketAddress server, TransportCounters counters) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            ShareablePort.join(channel, harvester.getLocalAddress());
            channel.connect(server);
            channel.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Reader reader = readers[Math.floorMod(next.getAndIncrement(), readers.length)];
        reader.add(channel, new Target(harvester, counters));
        return () -> reader.close(channel);
    }

    private record Target(LoopbackClientHarvester harvester, TransportCounters counters) { }

    private static final class Reader implements Runnable {
        private final Selector selector;
        private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM);

        Reader(String name) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new IllegalStateException("cannot open a selector", e);
            }
            Thread t = new Thread(this, name);
            t.setDaemon(true);
            t.start();
        }

        void add(DatagramChannel channel, Target target) {
            // registering blocks while the selector is in select(): let the loop thread do it
            pending.add(() -> {
                try {
                    channel.register(selector, SelectionKey.OP_READ, target);
                } catch (ClosedChannelException e) {
                    // closed before it was registered: nothing to read
                }
            });
            selector.wakeup();
        }

        /** A non-blocking channel's socket closes only once its key is gone: the next select removes it. */
        void close(DatagramChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing is sent through it: nothing to lose
            }
            selector.wakeup();
        }

        @Override
        public void run() {
            while (true) {
                try {
                    Runnable r;
                    while ((r = pending.poll()) != null) {
                        r.run();
                    }
                    selector.select();
                    for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        readFrom(key);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "client receive loop", e);
                } catch (Error e) {
                    // every participant on this thread would go deaf without a word: say it loudly, keep reading
                    LOG.log(Level.SEVERE, "client receive loop", e);
                }
            }
        }

        private void readFrom(SelectionKey key) {
            DatagramChannel channel = (DatagramChannel) key.channel();
            Target target = (Target) key.attachment();
            try {
                for (int i = 0; i < READS_PER_TURN; i++) {
                    datagram.clear();
                    // connected to the server: read() takes only its datagrams and allocates no address
                    if (channel.read(datagram) <= 0) {
                        return;
                    }
                    datagram.flip();
                    hand(target, datagram);
                }
            } catch (CancelledKeyException | IOException e) {
                // closed (the participant left), or an ICMP error from a server that went away: the
                // transport learns that from its own timeouts, as a browser would
                if (!channel.isOpen()) {
                    key.cancel();
                }
            } catch (RuntimeException e) {
                // one participant's trouble must not stop the others' reception
                target.counters().countDroppedUnknown();
                LOG.log(Level.WARNING, "client receive loop: handing over a datagram failed", e);
            }
        }

        private static void hand(Target target, ByteBuffer bytes) {
            if (!PacketKind.of(bytes).isWebRtc()) {
                target.counters().countDroppedUnknown();
                return;
            }
            Buffer buffer = IceBuffers.copyOf(bytes);
            if (!target.harvester().deliver(buffer)) {
                IceBuffers.release(buffer);
                target.counters().countDroppedUnknown();
            }
        }
    }
}
