package org.roundtable.sfu.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.TlsContext;
import org.roundtable.sfu.srtp.SrtpKeys;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * What a DTLS peer (our client or our server) learnt during its handshake. Written by the DTLS
 * thread only; read by the session after the handshake returns or fails.
 */
final class DtlsOutcome {
    private volatile SrtpKeys keys;
    private volatile boolean fingerprintMismatch;
    private volatile boolean peerClosed;

    /** Exports the SRTP keys: Bouncy Castle allows it only inside notifyHandshakeComplete. */
    void exportKeys(TlsContext context, SrtpProfile chosen) throws IOException {
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, chosen.keyingMaterialLength());
        keys = SrtpKeys.fromKeyingMaterial(chosen, material);
    }

    void onAlertReceived(short alertDescription) {
        if (alertDescription == AlertDescription.close_notify) {
            peerClosed = true;
        }
    }

    void markFingerprintMismatch() {
        fingerprintMismatch = true;
    }

    /** SRTP keys exported at handshake completion, or null. */
    SrtpKeys keys() {
        return keys;
    }

    /** True if the peer's certificate did not match the fingerprint from signaling. */
    boolean fingerprintMismatch() {
        return fingerprintMismatch;
    }

    /** True once the peer sent close_notify. */
    boolean peerClosed() {
        return peerClosed;
    }
}
