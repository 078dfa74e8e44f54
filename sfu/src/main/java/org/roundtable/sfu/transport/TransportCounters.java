package org.roundtable.sfu.transport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the transport layer saw, shared by all transports of one MediaPort (or by all clients).
 * Striped adders: many threads add without contention; readers sum. Thread-safe. Sent packets
 * are counted where they are decided (the media workers' counters, the load test's connections):
 * two shared adders more per sent packet were a visible share of the send path.
 */
public final class TransportCounters {
    final LongAdder dtlsHandshakes = new LongAdder();
    final LongAdder dtlsHandshakeFailures = new LongAdder();
    final LongAdder fingerprintMismatches = new LongAdder();
    final LongAdder srtpAuthFailures = new LongAdder();
    final LongAdder srtpReplayFailures = new LongAdder();
    final LongAdder srtpOtherFailures = new LongAdder();
    final LongAdder packetsIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder droppedUnknown = new LongAdder();
    final LongAdder droppedBeforeKeys = new LongAdder();
    final LongAdder droppedNotConnected = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder consentTimeoutsTolerated = new LongAdder();
    final AtomicInteger openTransports = new AtomicInteger();

    public long dtlsHandshakes() { return dtlsHandshakes.sum(); }
    public long dtlsHandshakeFailures() { return dtlsHandshakeFailures.sum(); }
    /** Handshakes aborted because the peer certificate did not match the SDP fingerprint (also counted as failures). */
    public long fingerprintMismatches() { return fingerprintMismatches.sum(); }
    public long srtpAuthFailures() { return srtpAuthFailures.sum(); }
    public long srtpReplayFailures() { return srtpReplayFailures.sum(); }
    /** Truncated or otherwise invalid SRTP/SRTCP. */
    public long srtpOtherFailures() { return srtpOtherFailures.sum(); }
    public long srtpFailures() { return srtpAuthFailures() + srtpReplayFailures() + srtpOtherFailures(); }
    /** RTP/RTCP datagrams received (before decryption). */
    public long packetsIn() { return packetsIn.sum(); }
    public long bytesIn() { return bytesIn.sum(); }
    /** Datagrams that are neither DTLS nor RTP/RTCP, or that come from an address no ICE agent knows. */
    public long droppedUnknown() { return droppedUnknown.sum(); }
    /** Counts a datagram dropped before it reached a transport (for a reader outside this package). */
    public void countDroppedUnknown() { droppedUnknown.increment(); }
    /** RTP/RTCP received before the keys when the early-packet buffer was full. */
    public long droppedBeforeKeys() { return droppedBeforeKeys.sum(); }
    /** protectAndSend/unprotect called before the keys or after close. */
    public long droppedNotConnected() { return droppedNotConnected.sum(); }
    public long sendFailures() { return sendFailures.sum(); }
    /** Consent checks that timed out on a selected pair whose consent was still fresh (not a loss). */
    public long consentTimeoutsTolerated() { return consentTimeoutsTolerated.sum(); }
    /** Transports created and not yet closed. */
    public int openTransports() { return openTransports.get(); }
}
