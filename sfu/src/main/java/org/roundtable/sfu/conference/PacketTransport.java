package org.roundtable.sfu.conference;

import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * What the forwarding core needs from one peer connection's secure transport. The ICE + DTLS +
 * SRTP implementation is adapted in {@link IceLegTransport}; called only on the owning worker.
 */
public interface PacketTransport {
    /** Decrypts SRTP or SRTCP in place; false: drop (the transport counted why). */
    boolean unprotect(PacketBuffer packet);

    /** Encrypts in place and sends; false: dropped. The caller keeps (and releases) the buffer. */
    boolean protectAndSend(PacketBuffer packet);

    boolean isConnected();

    void close();
}
