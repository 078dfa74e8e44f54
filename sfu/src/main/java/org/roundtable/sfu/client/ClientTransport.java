package org.roundtable.sfu.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.dtls.DtlsCertificate;
import org.roundtable.sfu.dtls.DtlsFingerprint;
import org.roundtable.sfu.ice.Ice4jSetup;
import org.roundtable.sfu.ice.LoopbackClientHarvester;
import org.roundtable.sfu.srtp.SrtpCrypto;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.transport.SecureTransport;
import org.roundtable.sfu.transport.TransportCounters;
import org.roundtable.sfu.transport.TransportListener;
import org.roundtable.sfu.udp.ShareablePort;

/**
 * The browser's side of one peer connection, for tests and the load test: ICE controlling on its
 * own UDP socket, DTLS client, SRTP. Kept light for thousands of instances: the certificate and
 * the counters are shared by all clients of the process; no thread per packet.
 * {@link #unprotect}/{@link #protectAndSend} from one thread per transport.
 */
public final class ClientTransport implements AutoCloseable {
    /** What Chromium offers (CM first), minus AEAD 256 which we do not implement. */
    public static final List<SrtpProfile> CHROMIUM_ORDER = List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM);

    private static final TransportCounters COUNTERS = new TransportCounters();

    /** One certificate for every synthetic participant: generating one costs ~0.5 s. */
    private static final class SharedCertificate {
        static final DtlsCertificate INSTANCE = DtlsCertificate.generate("roundtable-client");
    }

    private final LoopbackClientHarvester harvester;
    private final SecureTransport engine;
    /** The server's datagrams, read by the process's {@link ClientReceiveLoop} once {@link #connect} opened the path. */
    private volatile ClientReceiveLoop.Registration receiving;

    private ClientTransport(LoopbackClientHarvester harvester, SecureTransport engine) {
        this.harvester = harvester;
        this.engine = engine;
    }

    public static ClientTransport create(String bindAddress, TransportListener l, BufferPool pool) {
        return create(bindAddress, l, pool, CHROMIUM_ORDER);
    }

    /** @param offeredProfiles the use_srtp list the client offers, in order */
    public static ClientTransport create(String bindAddress, TransportListener l, BufferPool pool, List<SrtpProfile> offeredProfiles) {
        Ice4jSetup.configure();
        SrtpCrypto.init();
        LoopbackClientHarvester harvester;
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            // ice4j would bind port 0 with SO_REUSEADDR and could land on another participant's port
            harvester = ShareablePort.bindReserved(new InetSocketAddress(address, 0),
                    reserved -> new LoopbackClientHarvester(new TransportAddress(address, reserved, Transport.UDP)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a client socket on " + bindAddress, e);
        }
        SecureTransport engine;
        try {
            engine = new SecureTransport("client-" + harvester.getLocalAddress().getPort(), true,
                    SharedCertificate.INSTANCE, offeredProfiles, l, pool, COUNTERS, System::nanoTime);
            engine.attachIce(harvester);
        } catch (IOException | RuntimeException e) {
            harvester.close();
            throw new IllegalStateException("cannot create the client ICE agent", e);
        }
        return new ClientTransport(harvester, engine);
    }

    /** Counters of every ClientTransport in this process. */
    public static TransportCounters counters() { return COUNTERS; }

    public String localUfrag() { return engine.ice().localUfrag(); }
    public String localPassword() { return engine.ice().localPassword(); }
    public String localFingerprint() { return engine.localFingerprint(); }
    public String candidateLine() { return engine.ice().candidateLine(); }

    /** Starts checks toward the server's host candidate; DTLS follows once the pair is valid. */
    public void connect(String remoteUfrag, String remotePassword, String remoteHost, int remotePort, String fpAlgo, String fpHex) {
        InetSocketAddress server = new InetSocketAddress(remoteHost, remotePort);
        try {
            harvester.openPathTo(server, engine.ice().localUfrag());
            receiving = ClientReceiveLoop.shared().open(harvester, server, COUNTERS);
            if (engine.isClosed()) { // closed meanwhile: close() may have missed it
                stopReceiving();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the path to " + server, e);
        }
        engine.start(remoteUfrag, remotePassword, new DtlsFingerprint(fpAlgo, fpHex), server);
    }

    public boolean unprotect(PacketBuffer p) { return engine.unprotect(p); }

    public boolean protectAndSend(PacketBuffer p) { return engine.protectAndSend(p); }

    /** Sends bytes over the ICE pair unprotected, as a broken or hostile client would. False if no valid pair yet. */
    public boolean sendRaw(byte[] buf, int off, int len) { return engine.sendRaw(buf, off, len); }

    public boolean isConnected() { return engine.isConnected(); }

    public boolean isClosed() { return engine.isClosed(); }

    /**
     * Drops off the network without a goodbye (no DTLS close_notify, no more STUN answers), like a
     * crashed or unplugged participant: the server must notice through consent freshness.
     */
    public void vanish() {
        stopReceiving();
        engine.close("vanished", false);
        harvester.close();
    }

    @Override
    public void close() {
        stopReceiving();
        engine.close("closed");
        harvester.close();
    }

    private void stopReceiving() {
        ClientReceiveLoop.Registration r = receiving;
        if (r != null) {
            r.close();
        }
    }
}
