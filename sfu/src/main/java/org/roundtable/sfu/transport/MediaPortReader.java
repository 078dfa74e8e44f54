package org.roundtable.sfu.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.util.Buffer;
import org.roundtable.sfu.ice.Ice4jSetup;
import org.roundtable.sfu.ice.IceBuffers;
import org.roundtable.sfu.ice.SharedPortHarvester;
import org.roundtable.sfu.udp.ShareablePort;
import org.roundtable.sfu.worker.ReceiveSource;

/**
 * Reads the media port on the media worker that owns it, in place of ice4j's receiving thread.
 *
 * <p>Why: with ice4j's thread, every arriving packet woke that thread, which woke the conference's
 * worker: two wake-ups and context switches per packet before any media work, most of a small
 * meeting's cost on this machine (docs/benchmarks.md). Read by the worker, a packet for one of its
 * own conferences wakes one thread, and a burst is read without sleeping in between.
 *
 * <p>The channel joins the port after ice4j's socket: Linux hands a datagram to the socket bound
 * last, so ice4j's thread stays idle. Each datagram goes to {@link SharedPortHarvester#deliver},
 * which treats it as ice4j's thread would. Worker thread only (the worker it is attached to),
 * except {@link #close}.
 */
public final class MediaPortReader implements ReceiveSource, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MediaPortReader.class.getName());
    private static final int MAX_DATAGRAM = 2048;
    private static final long SWEEP_NANOS = 1_000_000_000L;

    private final DatagramChannel channel;
    private final SharedPortHarvester harvester;
    private final TransportCounters counters;
    private final LongSupplier nanoClock;
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private long lastSweep;

    private MediaPortReader(DatagramChannel channel, SharedPortHarvester harvester, TransportCounters counters, LongSupplier nanoClock) {
        this.channel = channel;
        this.harvester = harvester;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    /** Takes the harvester's port over from ice4j's thread; from now on someone must call {@link #receive}. */
    static MediaPortReader open(SharedPortHarvester harvester, TransportCounters counters, LongSupplier nanoClock) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            // as large as ice4j's: the worker forwards a keyframe's fan-out between two reads
            channel.setOption(StandardSocketOptions.SO_RCVBUF, Ice4jSetup.receiveBufferBytes());
            ShareablePort.join(channel, harvester.getLocalAddress());
            channel.configureBlocking(false);
            harvester.readOutside(true);
            return new MediaPortReader(channel, harvester, counters, nanoClock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public int receive(int budget) {
        if (!channel.isOpen()) {
            return 0; // the port is closing, or reading failed and ice4j's thread took over
        }
        int n = 0;
        try {
            while (n < budget) {
                datagram.clear();
                SocketAddress from = channel.receive(datagram);
                if (from == null) {
                    break;
                }
                n++;
                datagram.flip();
                hand((InetSocketAddress) from);
            }
        } catch (ClosedChannelException e) {
            return n; // closed meanwhile
        } catch (IOException e) {
            giveBackToIce4j(e);
            return n;
        }
        long now = nanoClock.getAsLong();
        if (now - lastSweep > SWEEP_NANOS) {
            lastSweep = now;
            harvester.forgetClosedPaths();
        }
        return n;
    }

    /**
     * An unconnected UDP socket has no error to report in normal operation: whatever this is, it
     * may repeat on every read. Closing the channel makes ice4j's socket the last one bound again,
     * so ice4j's own thread receives the port from now on, as it does with this reader switched off.
     */
    private void giveBackToIce4j(IOException e) {
        LOG.log(Level.SEVERE, "media port: reading failed, ice4j's thread receives it from now on", e);
        close();
    }

    private void hand(InetSocketAddress from) {
        if (!PacketKind.of(datagram).isWebRtc()) {
            counters.droppedUnknown.increment();
            return;
        }
        Buffer buffer = IceBuffers.copyOf(datagram);
        try {
            if (!harvester.deliver(from, buffer)) {
                IceBuffers.release(buffer);
                counters.droppedUnknown.increment();
            }
        } catch (RuntimeException e) {
            // one peer's bad datagram must not stop the port
            counters.droppedUnknown.increment();
            LOG.log(Level.WARNING, "media port: handing over a datagram from " + from + " failed", e);
        }
    }

    /** Any thread. A worker that still holds the channel lets go of it at its next round. */
    @Override
    public void close() {
        harvester.readOutside(false);
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is sent through it: nothing to lose
        }
    }
}
