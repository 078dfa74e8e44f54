package org.roundtable.sfu.worker;

import org.roundtable.sfu.buffer.PacketBuffer;

/** Where a queued packet goes: one peer connection's SRTP protection and UDP send. Called on its send lane only. */
public interface SendRoute {
    /** Encrypts in place and sends; false: dropped (the route counted why). The caller keeps the buffer. */
    boolean protectAndSend(PacketBuffer packet);
}
