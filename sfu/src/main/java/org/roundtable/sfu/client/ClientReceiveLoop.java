package org.roundtable.sfu.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.util.Buffer;
import org.ice4j.util.BufferPool;
import org.roundtable.sfu.ice.LoopbackClientHarvester;
import org.roundtable.sfu.transport.PacketKind;

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
 * and the rest to the transport, exactly as ice4j's own reading thread would. Channels are
 * registered from any thread; each loop thread owns its selector.
 */
final class ClientReceiveLoop {
    private static final Logger LOG = Logger.getLogger(ClientReceiveLoop.class.getName());
    /** Two threads: one would be the load generator's limit at the roundtable's 60k+ packets/s. */
    private static final int THREADS = 2;
    /** Datagrams read from one socket before the others get their turn. */
    private static final int READS_PER_TURN = 32;
    private static final int MAX_DATAGRAM = 2048;

    private static final class Holder {
        static final ClientReceiveLoop INSTANCE = new ClientReceiveLoop(THREADS);
    }

    private final Reader[] readers;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder received = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    private ClientReceiveLoop(int threads) {
        readers = new Reader[threads];
        for (int i = 0; i < threads; i++) {
            readers[i] = new Reader("client-receive-" + i);
        }
    }

    static ClientReceiveLoop shared() {
        return Holder.INSTANCE;
    }

    /** Datagrams read by the loop so far (tests check traffic comes this way). */
    long received() { return received.sum(); }

    /** Datagrams the loop could not hand to ice4j (no path open yet, or not a WebRTC datagram). */
    long dropped() { return dropped.sum(); }

    /** Starts reading {@code channel} (non-blocking, connected to the path's remote) for {@code harvester}; closing the channel stops it. */
    void register(DatagramChannel channel, LoopbackClientHarvester harvester) {
        readers[Math.floorMod(next.getAndIncrement(), readers.length)].add(channel, harvester);
    }

    private final class Reader implements Runnable {
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

        void add(DatagramChannel channel, LoopbackClientHarvester harvester) {
            // registering blocks while the selector is in select(): let the loop thread do it
            pending.add(() -> {
                try {
                    channel.register(selector, SelectionKey.OP_READ, harvester);
                } catch (ClosedChannelException e) {
                    // closed before it was registered: nothing to read
                }
            });
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
                    for (SelectionKey key : selector.selectedKeys()) {
                        readFrom(key);
                    }
                    selector.selectedKeys().clear();
                } catch (IOException | RuntimeException e) {
                    // one socket's trouble must not stop every other participant's reception
                    LOG.log(Level.WARNING, "client receive loop", e);
                }
            }
        }

        private void readFrom(SelectionKey key) {
            DatagramChannel channel = (DatagramChannel) key.channel();
            LoopbackClientHarvester harvester = (LoopbackClientHarvester) key.attachment();
            try {
                for (int i = 0; i < READS_PER_TURN; i++) {
                    datagram.clear();
                    // connected to the server: read() takes only its datagrams and allocates no address
                    if (channel.read(datagram) <= 0) {
                        return;
                    }
                    datagram.flip();
                    hand(harvester, datagram);
                }
            } catch (CancelledKeyException | IOException e) {
                // closed (the participant left) or an ICMP error from a peer that went away
                if (!channel.isOpen()) {
                    key.cancel();
                }
            }
        }

        private void hand(LoopbackClientHarvester harvester, ByteBuffer bytes) {
            received.increment();
            int length = bytes.remaining();
            PacketKind kind = length > 0 ? PacketKind.of(bytes.get(0)) : PacketKind.UNKNOWN;
            if (kind != PacketKind.STUN && kind != PacketKind.DTLS && kind != PacketKind.RTP_RTCP) {
                dropped.increment();
                return;
            }
            Buffer buffer = BufferPool.getBuffer.invoke(length);
            bytes.get(buffer.getBuffer(), 0, length);
            buffer.setOffset(0);
            buffer.setLength(length);
            if (!harvester.deliver(buffer, kind == PacketKind.STUN)) {
                BufferPool.returnBuffer.invoke(buffer);
                dropped.increment();
            }
        }
    }
}
