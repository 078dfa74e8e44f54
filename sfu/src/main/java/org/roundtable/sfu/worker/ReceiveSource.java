package org.roundtable.sfu.worker;

import java.nio.channels.SelectableChannel;

/**
 * A socket a media worker reads itself between its other work, and waits on when idle, so that
 * an arriving datagram wakes that one thread instead of a reading thread that wakes the worker.
 * Used only by the worker it is attached to ({@link MediaWorker#readsFrom}).
 */
public interface ReceiveSource {
    /** The non-blocking channel whose readiness wakes the worker. */
    SelectableChannel channel();

    /** Reads and hands over at most {@code budget} datagrams without blocking; returns how many. */
    int receive(int budget);
}
