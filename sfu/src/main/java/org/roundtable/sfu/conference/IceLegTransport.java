package org.roundtable.sfu.conference;

import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpProfile;
import org.roundtable.sfu.transport.MediaPort;
import org.roundtable.sfu.transport.ServerTransport;
import org.roundtable.sfu.transport.TransportListener;

/**
 * A leg's transport backed by the real ICE + DTLS + SRTP {@link ServerTransport} on the shared
 * {@link MediaPort}. Same threading as the transport it wraps.
 */
public final class IceLegTransport implements LegTransport {
    private final ServerTransport transport;

    private IceLegTransport(ServerTransport transport) {
        this.transport = transport;
    }

    /** Transports on {@code port}, with received packets drawn from {@code pool}. */
    public static LegTransport.Factory factory(MediaPort port, BufferPool pool) {
        return (id, events) -> new IceLegTransport(port.createTransport(id, new TransportListener() {
            @Override public void onConnected(SrtpProfile profile) { events.onConnected(); }
            @Override public void onPacket(PacketBuffer packet) { events.onPacket(packet); }
            @Override public void onClosed(String reason) { events.onClosed(reason); }
        }, pool));
    }

    @Override public String localUfrag() { return transport.localUfrag(); }
    @Override public String localPassword() { return transport.localPassword(); }
    @Override public String localFingerprint() { return transport.localFingerprint(); }
    @Override public String candidateLine() { return transport.candidateLine(); }

    @Override
    public void start(String remoteUfrag, String remotePassword, String fingerprintAlgo, String fingerprintHex) {
        transport.start(remoteUfrag, remotePassword, fingerprintAlgo, fingerprintHex);
    }

    @Override public boolean unprotect(PacketBuffer packet) { return transport.unprotect(packet); }
    @Override public boolean protectAndSend(PacketBuffer packet) { return transport.protectAndSend(packet); }
    @Override public boolean isConnected() { return transport.isConnected(); }
    @Override public void close() { transport.close(); }
}
