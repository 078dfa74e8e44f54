package org.roundtable.sfu.transport;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.dtls.DtlsCertificate;
import org.roundtable.sfu.dtls.DtlsFingerprint;
import org.roundtable.sfu.ice.PairSender;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * One peer connection on the server: ICE controlled (the browser is learnt as peer-reflexive),
 * DTLS server, SRTP. Made by {@link MediaPort#createTransport}. Threads: see {@link SecureTransport};
 * {@link #unprotect} and {@link #protectAndSend} only on the owning media worker thread.
 */
public final class ServerTransport {
    /** Our order: GCM is faster here and Chromium lists CM first, so the server picks. */
    static final List<SrtpProfile> PREFERENCE = List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80);

    private final SecureTransport engine;
    private final String advertisedAddress;
    private final int port;

    ServerTransport(String id, CandidateHarvester harvester, PairSender direct, String advertisedAddress, int port,
                    DtlsCertificate certificate, TransportListener listener, BufferPool pool, TransportCounters counters,
                    LongSupplier nanoClock) throws IOException {
        this.engine = new SecureTransport(id, false, certificate, PREFERENCE, listener, pool, counters, nanoClock);
        this.advertisedAddress = advertisedAddress;
        this.port = port;
        engine.attachIce(harvester, direct);
    }

    public String id() { return engine.id(); }
    public String localUfrag() { return engine.ice().localUfrag(); }
    public String localPassword() { return engine.ice().localPassword(); }

    /** "sha-256 AB:CD:..". */
    public String localFingerprint() { return engine.localFingerprint(); }

    /** Our single host candidate on the advertised address, without "a=". */
    public String candidateLine() {
        return "candidate:1 1 udp 2130706431 " + advertisedAddress + " " + port + " typ host";
    }

    /** The browser's ICE credentials and certificate fingerprint from its offer; checks then come in. */
    public void start(String remoteUfrag, String remotePassword, String remoteFingerprintAlgo, String remoteFingerprintHex) {
        engine.start(remoteUfrag, remotePassword, new DtlsFingerprint(remoteFingerprintAlgo, remoteFingerprintHex));
    }

    /** SRTP or SRTCP (told apart by the RTCP PT range), in place; false = drop (counted). */
    public boolean unprotect(PacketBuffer p) { return engine.unprotect(p); }

    /** SRTP/SRTCP protect in place, then send; false = dropped (counted). The caller keeps the buffer. */
    public boolean protectAndSend(PacketBuffer p) { return engine.protectAndSend(p); }

    public boolean isConnected() { return engine.isConnected(); }

    public boolean isClosed() { return engine.isClosed(); }

    /** True once close() freed the ICE agent. */
    public boolean isAgentFreed() { return engine.ice() == null || engine.ice().isFreed(); }

    /** Frees Agent, DTLS, SRTP contexts; the listener hears onClosed("closed") unless it closed before. */
    public void close() { engine.close("closed"); }
}
