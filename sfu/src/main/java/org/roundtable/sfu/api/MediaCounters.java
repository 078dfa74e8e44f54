package org.roundtable.sfu.api;

import java.util.Map;

/**
 * Monotonic counters of the media path, read by the metrics endpoint. Implementations sum
 * per-thread counters on read; readers may see a value that is a few packets old.
 */
public interface MediaCounters {
    long packetsIn();
    long bytesIn();
    long packetsOut();
    long bytesOut();
    /** Packets dropped, by reason (e.g. {@code not-publisher}, {@code malformed}, {@code floor}). */
    Map<String, Long> droppedByReason();
    long srtpFailures();
    long dtlsHandshakeFailures();
    long dtlsHandshakes();
    /** Live endpoints (transports that are not yet closed). */
    int endpoints();

    /** Time forwarded packets spent in the media server, from receive to the return of their send. */
    default DelayDistribution forwardingDelay() {
        return DelayDistribution.EMPTY;
    }
}
