package org.roundtable.sfu.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.util.Buffer;
import org.jitsi.srtp.SrtpErrorStatus;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.dtls.DtlsCertificate;
import org.roundtable.sfu.dtls.DtlsFingerprint;
import org.roundtable.sfu.dtls.DtlsSession;
import org.roundtable.sfu.ice.Ice4jSetup;
import org.roundtable.sfu.ice.IceBuffers;
import org.roundtable.sfu.ice.IceSession;
import org.roundtable.sfu.ice.PairSender;
import org.roundtable.sfu.srtp.SrtpKeys;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.srtp.SrtpSession;

/**
 * ICE + DTLS + SRTP of one peer connection; the engine under {@link ServerTransport} and the
 * client package's ClientTransport. Threads: the thread reading the port (a media worker, a
 * client's receive loop, or ice4j's own) calls {@link #receive}
 * (demux, hand-over only); a DTLS thread runs the handshake and installs the keys; the owner's
 * media thread calls {@link #unprotect} / {@link #protectAndSend}; {@link #close} from any thread.
 */
public final class SecureTransport {
    private static final Logger LOG = Logger.getLogger(SecureTransport.class.getName());
    /** RTP/RTCP that arrives before the keys (BC sends Finished before accept() returns) waits here. */
    private static final int MAX_EARLY_PACKETS = 64;
    /** Closing frees the agent; never do that on an ice4j event thread. */
    private static final ExecutorService CLOSER = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "transport-closer");
                t.setDaemon(true);
                return t;
            });

    private final String id;
    private final boolean dtlsClient;
    private final DtlsCertificate certificate;
    private final List<SrtpProfile> profiles;
    private final TransportListener listener;
    private final BufferPool pool;
    private final TransportCounters counters;
    private final LongSupplier nanoClock;
    private final Object earlyLock = new Object();
    private final ArrayDeque<PacketBuffer> early = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ready;
    private volatile SrtpSession srtp;
    private volatile DtlsSession dtls;
    private volatile IceSession ice;
    private volatile String closeReason;

    /**
     * @param dtlsClient true on the client side (ICE controlling, DTLS client)
     * @param profiles   SRTP profiles: the server's preference, or what the client offers
     */
    public SecureTransport(String id, boolean dtlsClient, DtlsCertificate certificate, List<SrtpProfile> profiles,
                           TransportListener listener, BufferPool pool, TransportCounters counters, LongSupplier nanoClock) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("no SRTP profile");
        }
        this.id = id;
        this.dtlsClient = dtlsClient;
        this.certificate = certificate;
        this.profiles = List.copyOf(profiles);
        this.listener = listener;
        this.pool = pool;
        this.counters = counters;
        this.nanoClock = nanoClock;
        counters.openTransports.incrementAndGet();
    }

    /** Creates this transport's ICE agent on {@code harvester} (controlling on the client side); ice4j sends. */
    public void attachIce(CandidateHarvester harvester) throws IOException {
        attachIce(harvester, null);
    }

    /**
     * Creates this transport's ICE agent on {@code harvester}; once a pair is selected, media goes
     * out through {@code direct} (bound to the harvester's address) instead of ice4j.
     */
    public void attachIce(CandidateHarvester harvester, PairSender direct) throws IOException {
        try {
            ice = IceSession.create(harvester, dtlsClient, this::receive, new IceSession.Events() {
                @Override
                public void onPairValidated() {
                    DtlsSession d = dtls;
                    if (d != null) {
                        d.start();
                    }
                }

                @Override
                public void onIceClosed(String reason) {
                    closeAsync(reason);
                }

                @Override
                public void onConsentTimeoutTolerated() {
                    counters.consentTimeoutsTolerated.increment();
                }
            }, Ice4jSetup.consentPolicy(), nanoClock, direct);
        } catch (IOException | RuntimeException e) {
            close("ice-setup-failed: " + e.getMessage());
            throw e;
        }
    }

    public String id() { return id; }
    public IceSession ice() { return ice; }
    public String localFingerprint() { return certificate.fingerprint(); }

    /** Sets the peer's DTLS fingerprint and starts ICE; DTLS starts once a pair is validated. */
    public void start(String remoteUfrag, String remotePassword, DtlsFingerprint remoteFingerprint,
                      InetSocketAddress... remoteHosts) {
        if (closed.get()) {
            throw new IllegalStateException("transport " + id + " is closed: " + closeReason);
        }
        DtlsSession.Listener events = new DtlsSession.Listener() {
            @Override
            public void onHandshakeComplete(SrtpKeys keys) {
                installKeys(keys);
            }

            @Override
            public void onHandshakeFailed(String reason, boolean fingerprintMismatch) {
                counters.dtlsHandshakeFailures.increment();
                if (fingerprintMismatch) {
                    counters.fingerprintMismatches.increment();
                }
                close(reason);
            }

            @Override
            public void onPeerClosed(String reason) {
                close(reason);
            }
        };
        dtls = dtlsClient
                ? DtlsSession.client(certificate, remoteFingerprint, profiles, this::send, events)
                : DtlsSession.server(certificate, remoteFingerprint, profiles, this::send, events);
        ice.start(remoteUfrag, remotePassword, remoteHosts);
    }

    /** The push-API callback (the port's reading thread): demux by first byte, hand over, never block. */
    private void receive(Buffer b) {
        try {
            int len = b.getLength();
            if (closed.get() || len < 1) {
                counters.droppedUnknown.increment();
                return;
            }
            byte[] data = b.getBuffer();
            int off = b.getOffset();
            switch (PacketKind.of(data[off])) {
                case DTLS -> {
                    DtlsSession d = dtls;
                    if (d != null) {
                        d.onDatagram(data, off, len);
                    } else {
                        counters.droppedUnknown.increment();
                    }
                }
                case RTP_RTCP -> deliver(data, off, len);
                default -> counters.droppedUnknown.increment();
            }
        } catch (RuntimeException e) {
            // never let it reach ice4j: it would return the buffer to the pool a second time
            counters.droppedUnknown.increment();
            LOG.log(Level.WARNING, "transport " + id + ": receive failed", e);
        } finally {
            IceBuffers.release(b);
        }
    }

    private void deliver(byte[] data, int off, int len) {
        if (len > PacketBuffer.MAX_PACKET) {
            counters.droppedUnknown.increment();
            return;
        }
        counters.packetsIn.increment();
        counters.bytesIn.add(len);
        PacketBuffer p = pool.take().copyFrom(data, off, len);
        p.receivedNanos(nanoClock.getAsLong());
        if (!ready) {
            synchronized (earlyLock) {
                if (!ready) {
                    if (early.size() < MAX_EARLY_PACKETS) {
                        early.add(p);
                    } else {
                        p.release();
                        counters.droppedBeforeKeys.increment();
                    }
                    return;
                }
            }
        }
        listener.onPacket(p);
    }

    private void installKeys(SrtpKeys keys) {
        SrtpSession session = new SrtpSession(keys, dtlsClient);
        srtp = session;
        counters.dtlsHandshakes.increment();
        if (closed.get()) {
            session.close();
            return;
        }
        listener.onConnected(keys.profile());
        synchronized (earlyLock) {
            for (PacketBuffer p = early.poll(); p != null; p = early.poll()) {
                listener.onPacket(p);
            }
            ready = true;
        }
    }

    private void send(byte[] buf, int off, int len) throws IOException {
        IceSession i = ice;
        if (i == null || i.isFreed()) { // not 'closed': close() still sends DTLS close_notify
            throw new IOException("transport closed");
        }
        i.send(buf, off, len);
    }

    /** SRTP or SRTCP, in place. False = drop (counted). Owner's media thread only. */
    public boolean unprotect(PacketBuffer p) {
        SrtpSession s = srtp;
        if (s == null || closed.get()) {
            counters.droppedNotConnected.increment();
            return false;
        }
        SrtpErrorStatus status = s.unprotect(p);
        if (status == SrtpErrorStatus.OK) {
            return true;
        }
        switch (status) {
            case AUTH_FAIL -> counters.srtpAuthFailures.increment();
            case REPLAY_FAIL, REPLAY_OLD -> counters.srtpReplayFailures.increment();
            default -> counters.srtpOtherFailures.increment();
        }
        return false;
    }

    /** Protects in place, then sends. The caller keeps the buffer. False = dropped (counted). Owner's media thread only. */
    public boolean protectAndSend(PacketBuffer p) {
        SrtpSession s = srtp;
        if (s == null || closed.get()) {
            counters.droppedNotConnected.increment();
            return false;
        }
        SrtpErrorStatus status = s.protect(p);
        if (status != SrtpErrorStatus.OK) {
            counters.srtpOtherFailures.increment();
            return false;
        }
        try {
            ice.send(p.getBuffer(), p.getOffset(), p.getLength());
        } catch (IOException | RuntimeException e) {
            counters.sendFailures.increment();
            return false;
        }
        return true;
    }

    /** Sends a datagram over the ICE pair as is, unprotected (misbehaving-peer tests). False if no pair. */
    public boolean sendRaw(byte[] buf, int off, int len) {
        try {
            send(buf, off, len);
            return true;
        } catch (IOException | RuntimeException e) {
            counters.sendFailures.increment();
            return false;
        }
    }

    public boolean isConnected() {
        return srtp != null && !closed.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Why it closed, or null while open. */
    public String closeReason() {
        return closeReason;
    }

    private void closeAsync(String reason) {
        if (!closed.get()) {
            CLOSER.execute(() -> close(reason));
        }
    }

    /** Frees the agent, DTLS and SRTP state; tells the listener once. Idempotent. */
    public void close(String reason) {
        close(reason, true);
    }

    /** @param notifyPeer false to vanish without a DTLS close_notify (simulated network loss) */
    public void close(String reason, boolean notifyPeer) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeReason = reason;
        DtlsSession d = dtls;
        if (d != null) {
            d.close(notifyPeer); // close_notify goes out while the pair still exists
        }
        IceSession i = ice;
        if (i != null) {
            i.free();
        }
        SrtpSession s = srtp;
        if (s != null) {
            s.close();
        }
        synchronized (earlyLock) {
            for (PacketBuffer p = early.poll(); p != null; p = early.poll()) {
                p.release();
            }
        }
        counters.openTransports.decrementAndGet();
        LOG.fine(() -> "transport " + id + " closed: " + reason);
        listener.onClosed(reason);
    }
}
