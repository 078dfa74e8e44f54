package org.roundtable.sfu.conference;

import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.worker.SendRoute;

/**
 * What the forwarding core needs from one peer connection's secure transport. The ICE + DTLS +
 * SRTP implementation is adapted in {@link IceLegTransport}; called only on the owning worker,
 * except {@link #protectAndSend}, which runs on the leg's send lane when it has one.
 */
public interface PacketTransport extends SendRoute {
    /** Decrypts SRTP or SRTCP in place; false: drop (the transport counted why). */
    boolean unprotect(PacketBuffer packet);

    /** Encrypts in place and sends; false: dropped. The caller keeps (and releases) the buffer. */
    @Override
    boolean protectAndSend(PacketBuffer packet);

    boolean isConnected();

    void close();
}
