package org.roundtable.sfu.conference;

/**
 * The server side of one peer connection before and after negotiation: its local ICE/DTLS
 * parameters go into the answer, {@link #start} begins connectivity checks with the browser's.
 */
public interface LegTransport extends PacketTransport {
    String localUfrag();
    String localPassword();
    /** {@code "sha-256 AB:CD:..."}. */
    String localFingerprint();
    /** One host candidate without the {@code a=} prefix. */
    String candidateLine();
    void start(String remoteUfrag, String remotePassword, String remoteFingerprintAlgo, String remoteFingerprintHex);

    /** Events from a transport up to its leg. */
    interface Events {
        /** DTLS done, SRTP keys installed. Any thread. */
        void onConnected();
        /** A received datagram, still encrypted. Network thread: hand over, never block. */
        void onPacket(org.roundtable.sfu.buffer.PacketBuffer packet);
        /** The transport died or was closed. Any thread. */
        void onClosed(String reason);
    }

    /** Makes transports; {@code id} names the transport in logs. */
    interface Factory {
        LegTransport create(String id, Events events);
    }
}
