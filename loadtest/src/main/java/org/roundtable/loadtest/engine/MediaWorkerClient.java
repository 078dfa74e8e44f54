package org.roundtable.loadtest.engine;

import org.roundtable.sfu.buffer.PacketBuffer;

/** Something a media worker drives: called only on that worker's thread. */
public interface MediaWorkerClient {
    /**
     * Handles what arrived and sends what is due at {@code nowNanos}; {@code scratch} is the
     * worker's send buffer (free to overwrite). Returns when it next needs a tick.
     */
    long tick(long nowNanos, PacketBuffer scratch);

    /** Frees the transport. Worker thread. */
    void close();
}
