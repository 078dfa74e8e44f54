package org.roundtable.sfu.dtls;

import org.roundtable.sfu.srtp.SrtpKeys;

/** What a DTLS peer learnt during its handshake. Written by the DTLS thread only. */
interface DtlsOutcome {
    /** SRTP keys exported in notifyHandshakeComplete, or null. */
    SrtpKeys keys();
    /** True if the peer's certificate did not match the fingerprint from signaling. */
    boolean fingerprintMismatch();
    /** True once the peer sent close_notify. */
    boolean peerClosed();
}
