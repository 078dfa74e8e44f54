package org.roundtable.sfu.transport;

import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.srtp.SrtpProfile;

/** Events up from a transport (server or client side). */
public interface TransportListener {
    /** DTLS done, SRTP keys installed (DTLS thread). */
    void onConnected(SrtpProfile profile);

    /**
     * A received RTP/RTCP datagram, STILL ENCRYPTED; the listener owns the buffer from now on
     * (release it when done). Called on the thread that reads the port (or, for packets that arrived
     * before the keys, once on the DTLS thread right after onConnected): hand over, never block.
     */
    void onPacket(PacketBuffer srtpOrSrtcp);

    /**
     * Consent lost, ICE failed, DTLS failure, fingerprint mismatch, peer close, close(). Called once,
     * on the thread that noticed (DTLS thread, the transport-closer thread, or the caller of close()).
     * Reasons: ice-failed, ice-consent-lost, dtls-fingerprint-mismatch: .., dtls-failed: ..,
     * dtls-close-notify, dtls-closed: .., closed.
     */
    void onClosed(String reason);
}
