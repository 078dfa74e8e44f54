package org.roundtable.sfu.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.logging.Logger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.roundtable.sfu.api.MediaException;
import org.roundtable.sfu.api.SfuConfig;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.dtls.DtlsCertificate;
import org.roundtable.sfu.ice.Ice4jSetup;
import org.roundtable.sfu.ice.PairSender;
import org.roundtable.sfu.ice.SharedPortHarvester;
import org.roundtable.sfu.udp.NativeDatagrams;
import org.roundtable.sfu.udp.ShareablePort;
import org.roundtable.sfu.worker.HeldSends;
import org.roundtable.sfu.srtp.SrtpCrypto;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * The one UDP port every endpoint shares (ice4j single-port harvester), the server certificate
 * and the SRTP back-end choice. Opening is slow (harvester, certificate, cipher warm-up): do it
 * at server start. Thread-safe.
 */
public final class MediaPort implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MediaPort.class.getName());
    private final SharedPortHarvester harvester;
    /** Null when it could not be bound: then ice4j sends everything (slower, same behaviour). */
    private final PairSender direct;
    private final String advertisedAddress;
    private final int port;
    private final DtlsCertificate certificate;
    private final TransportCounters counters = new TransportCounters();
    private final LongSupplier nanoClock;
    private final Map<ServerTransport, Boolean> live = new ConcurrentHashMap<>();
    private volatile MediaPortReader reader;

    private MediaPort(SharedPortHarvester harvester, PairSender direct, String advertisedAddress,
                      DtlsCertificate certificate, LongSupplier nanoClock) {
        this.harvester = harvester;
        this.direct = direct;
        this.advertisedAddress = advertisedAddress;
        this.port = harvester.getLocalAddress().getPort();
        this.certificate = certificate;
        this.nanoClock = nanoClock;
    }

    public static MediaPort open(SfuConfig cfg) {
        return open(cfg, System::nanoTime);
    }

    /** @param nanoClock stamps received packets ({@code PacketBuffer.receivedNanos}) */
    public static MediaPort open(SfuConfig cfg, LongSupplier nanoClock) {
        Ice4jSetup.configure(); // before ice4j reads its configuration
        SrtpCrypto.init();
        DtlsCertificate certificate = DtlsCertificate.generate("roundtable-sfu");
        try {
            // ice4j's own factory skips loopback, so the harvester is built for the configured address
            InetAddress bind = InetAddress.getByName(cfg.bindAddress());
            // the send channel binds first: the socket bound last (ice4j's) is the one that receives
            PairSender direct = bindDirectSender(bind, cfg.mediaPort(), Math.max(1, cfg.mediaWorkers()));
            SharedPortHarvester harvester;
            try {
                harvester = bindHarvester(bind, direct != null ? direct.localPort() : cfg.mediaPort(), direct != null);
            } catch (IOException | RuntimeException e) {
                if (direct != null) {
                    direct.close();
                }
                throw e;
            }
            if (direct != null) {
                LOG.info("media port " + direct.localPort() + ": " + (direct.sendsNatively()
                        ? "each worker's burst leaves in one system call (sendmmsg, UDP GSO)"
                        : "one system call per datagram (" + NativeDatagrams.unavailableReason() + ")"));
            }
            String advertised = cfg.advertisedAddress() != null ? cfg.advertisedAddress() : cfg.bindAddress();
            return new MediaPort(harvester, direct, advertised, certificate, nanoClock);
        } catch (IOException e) {
            throw new MediaException("media-port", "cannot open UDP " + cfg.bindAddress() + ":" + cfg.mediaPort() + ": " + e.getMessage());
        }
    }

    /** ice4j's harvester on the port the direct channel claimed, or (without it) on a port claimed for it. */
    private static SharedPortHarvester bindHarvester(InetAddress bind, int port, boolean claimed) throws IOException {
        if (claimed) {
            return new SharedPortHarvester(new TransportAddress(bind, port, Transport.UDP));
        }
        // ice4j alone binds with SO_REUSEADDR and could share the port with a stranger (see ShareablePort)
        return ShareablePort.bindReserved(new InetSocketAddress(bind, port),
                reserved -> new SharedPortHarvester(new TransportAddress(bind, reserved, Transport.UDP)));
    }

    private static PairSender bindDirectSender(InetAddress bind, int port, int channels) {
        if (Boolean.getBoolean(DIRECT_SEND_OFF)) {
            return null;
        }
        try {
            return PairSender.bind(new InetSocketAddress(bind, port), channels);
        } catch (IOException e) {
            LOG.warning("media port: no direct send channel (" + e.getMessage() + "), ice4j sends all media");
            return null;
        }
    }

    /** System property: true sends all media through ice4j's Component.send (for comparisons). */
    public static final String DIRECT_SEND_OFF = "roundtable.sfu.ice4j-send";

    public int port() { return port; }

    /**
     * Takes the port's reading over from ice4j's thread (see {@link MediaPortReader}): from now on
     * the caller's thread must call {@link MediaPortReader#receive} (a media worker does, between
     * its other work). Null, with ice4j reading on, when it cannot be opened or is switched off
     * ({@link #ICE4J_RECEIVE}). Once per port.
     */
    public synchronized MediaPortReader openReader() {
        if (reader != null) {
            throw new IllegalStateException("the media port already has a reader");
        }
        if (Boolean.getBoolean(ICE4J_RECEIVE)) {
            return null;
        }
        try {
            reader = MediaPortReader.open(harvester, counters, nanoClock);
            LOG.info("media port " + port + ": read by a media worker");
            return reader;
        } catch (IOException | RuntimeException e) {
            LOG.warning("media port " + port + ": ice4j's thread reads it (" + e + ")");
            return null;
        }
    }

    /** System property: true leaves the media port to ice4j's receiving thread (for comparisons). */
    public static final String ICE4J_RECEIVE = "roundtable.sfu.ice4j-receive";

    /** Whether media leaves through the direct send channel (see {@link PairSender}). */
    public boolean sendsDirect() { return direct != null; }

    /** Whether the direct channel sends a worker's burst in one system call (sendmmsg, UDP GSO). */
    public boolean sendsBatched() { return direct != null && direct.sendsNatively(); }

    /** Where media workers hold their sends until the end of a burst: the direct channel, or nothing (ice4j sends). */
    public HeldSends heldSends() { return direct != null ? direct : HeldSends.NONE; }
    public String advertisedAddress() { return advertisedAddress; }
    public DtlsCertificate certificate() { return certificate; }
    public TransportCounters counters() { return counters; }

    /** A new server-side transport on the shared port; call {@link ServerTransport#start} with the browser's offer. */
    public ServerTransport createTransport(String id, TransportListener l, BufferPool pool) {
        TransportListener tracking = new TransportListener() {
            @Override
            public void onConnected(SrtpProfile profile) { l.onConnected(profile); }

            @Override
            public void onPacket(PacketBuffer p) { l.onPacket(p); }

            @Override
            public void onClosed(String reason) {
                live.keySet().removeIf(ServerTransport::isClosed);
                l.onClosed(reason);
            }
        };
        try {
            ServerTransport t = new ServerTransport(id, harvester, direct, advertisedAddress, port, certificate, tracking, pool,
                    counters, nanoClock);
            live.put(t, Boolean.TRUE);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create transport " + id, e);
        }
    }

    /** Closes every live transport, then the port. */
    @Override
    public void close() {
        for (ServerTransport t : live.keySet()) {
            t.close();
        }
        live.clear();
        MediaPortReader r = reader;
        if (r != null) {
            r.close();
        }
        harvester.close();
        if (direct != null) {
            direct.close();
        }
    }
}
