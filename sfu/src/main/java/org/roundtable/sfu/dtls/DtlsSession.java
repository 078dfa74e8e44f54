package org.roundtable.sfu.dtls;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.AlertDescription;
import org.roundtable.sfu.srtp.SrtpKeys;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * One DTLS association over an ICE pair. The handshake blocks, so it runs on a shared pool of
 * DTLS threads, never on the ICE receive thread; after it, rare DTLS datagrams (retransmitted
 * Finished, close_notify) are pumped through Bouncy Castle on the same pool.
 * Thread-safe: {@link #onDatagram} from the ICE thread, {@link #start}/{@link #close} from any.
 */
public final class DtlsSession {
    /** Outcomes, called on a DTLS thread. */
    public interface Listener {
        void onHandshakeComplete(SrtpKeys keys);

        void onHandshakeFailed(String reason, boolean fingerprintMismatch);

        /** The peer closed (close_notify) or sent a fatal alert after the handshake. */
        void onPeerClosed(String reason);
    }

    private static final ExecutorService EXECUTOR = newExecutor();

    private final boolean client;
    private final DtlsCertificate certificate;
    private final DtlsFingerprint expectedPeer;
    private final List<SrtpProfile> profiles;
    private final DtlsDatagramTransport transport;
    private final Listener listener;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private volatile DtlsOutcome peer;
    private volatile DTLSTransport established;
    private volatile boolean closed;

    private DtlsSession(boolean client, DtlsCertificate certificate, DtlsFingerprint expectedPeer,
                        List<SrtpProfile> profiles, DtlsDatagramTransport.Sender sender, Listener listener) {
        this.client = client;
        this.certificate = certificate;
        this.expectedPeer = expectedPeer;
        this.profiles = List.copyOf(profiles);
        this.transport = new DtlsDatagramTransport(sender);
        this.listener = listener;
    }

    /** DTLS server (a=setup:passive) choosing by {@code preference}. */
    public static DtlsSession server(DtlsCertificate certificate, DtlsFingerprint expectedPeer, List<SrtpProfile> preference,
                                     DtlsDatagramTransport.Sender sender, Listener listener) {
        return new DtlsSession(false, certificate, expectedPeer, preference, sender, listener);
    }

    /** DTLS client (a=setup:active) offering {@code offered} in that order. */
    public static DtlsSession client(DtlsCertificate certificate, DtlsFingerprint expectedPeer, List<SrtpProfile> offered,
                                     DtlsDatagramTransport.Sender sender, Listener listener) {
        return new DtlsSession(true, certificate, expectedPeer, offered, sender, listener);
    }

    /** A received DTLS datagram (ICE thread). Before the handshake starts it waits in the queue. */
    public void onDatagram(byte[] buf, int off, int len) {
        if (!transport.offer(buf, off, len)) {
            return;
        }
        if (established != null && pumpScheduled.compareAndSet(false, true)) {
            EXECUTOR.execute(this::pump);
        }
    }

    /** Starts the handshake once (call when the ICE pair is validated: sending fails before). */
    public void start() {
        if (!closed && started.compareAndSet(false, true)) {
            EXECUTOR.execute(this::handshake);
        }
    }

    public boolean isStarted() {
        return started.get();
    }

    public boolean isHandshakeComplete() {
        return established != null;
    }

    /** Sends close_notify if established, and releases the handshake thread if one waits. */
    public void close() {
        close(true);
    }

    /** @param notifyPeer whether to send close_notify when established */
    public void close(boolean notifyPeer) {
        if (closed) {
            return;
        }
        closed = true;
        DTLSTransport t = established;
        if (t != null && notifyPeer) {
            try {
                t.close();
            } catch (IOException | RuntimeException ignored) {
                // best effort: the peer learns from consent freshness otherwise
            }
        }
        transport.close();
    }

    private void handshake() {
        DtlsOutcome outcome;
        DTLSTransport t;
        try {
            if (client) {
                DtlsClient c = new DtlsClient(certificate, expectedPeer, profiles);
                peer = c.outcome();
                t = new DTLSClientProtocol().connect(c, transport);
            } else {
                DtlsServer s = new DtlsServer(certificate, expectedPeer, profiles);
                peer = s.outcome();
                t = new DTLSServerProtocol().accept(s, transport);
            }
            outcome = peer;
        } catch (IOException | RuntimeException e) {
            DtlsOutcome p = peer;
            boolean mismatch = p != null && p.fingerprintMismatch();
            if (!closed) {
                listener.onHandshakeFailed(describe(e, mismatch), mismatch);
            }
            return;
        }
        if (outcome.keys() == null) {
            listener.onHandshakeFailed("dtls-failed: no SRTP keys exported", false);
            return;
        }
        established = t;
        listener.onHandshakeComplete(outcome.keys());
        if (transport.hasPending() && pumpScheduled.compareAndSet(false, true)) {
            pump();
        }
    }

    /** Feeds queued post-handshake datagrams to Bouncy Castle (retransmissions, alerts). */
    private void pump() {
        byte[] scratch = new byte[transport.getReceiveLimit()];
        try {
            while (!closed && transport.hasPending()) {
                established.receive(scratch, 0, scratch.length, 1);
                if (peer.peerClosed()) {
                    listener.onPeerClosed("dtls-close-notify");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                // BC closes our transport right after it reads close_notify
                listener.onPeerClosed(peer.peerClosed() ? "dtls-close-notify" : "dtls-closed: " + e.getMessage());
            }
            return;
        } finally {
            pumpScheduled.set(false);
        }
        if (!closed && transport.hasPending() && pumpScheduled.compareAndSet(false, true)) {
            EXECUTOR.execute(this::pump);
        }
    }

    private static String describe(Throwable e, boolean mismatch) {
        if (mismatch) {
            return "dtls-fingerprint-mismatch: peer certificate does not match the SDP fingerprint";
        }
        if (e instanceof TlsFatalAlertReceived r) {
            return "dtls-failed: peer sent alert " + AlertDescription.getText(r.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert a) {
            return "dtls-failed: " + AlertDescription.getText(a.getAlertDescription()) + ": " + a.getMessage();
        }
        return "dtls-failed: " + e;
    }

    private static ExecutorService newExecutor() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "dtls-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }
}
