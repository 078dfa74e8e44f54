package org.roundtable.sfu.dtls;

import java.security.SecureRandom;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The process-wide Bouncy Castle TLS crypto and our cipher-suite list. Thread-safe (immutable after class init). */
final class DtlsCrypto {
    private static final BcTlsCrypto SHARED = new BcTlsCrypto(new SecureRandom());

    /** ECDSA suites only: both ends use ECDSA certificates. AEAD first. */
    private static final int[] SUITES = TlsUtils.getSupportedCipherSuites(SHARED, new int[] {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    });

    /** How long a handshake may take before it is abandoned. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private DtlsCrypto() {
    }

    static BcTlsCrypto shared() {
        return SHARED;
    }

    static int[] cipherSuites() {
        return SUITES.clone();
    }
}
