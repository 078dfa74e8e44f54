package org.roundtable.sfu.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A certificate fingerprint as carried by SDP's {@code a=fingerprint} (RFC 8122): hash
 * algorithm name plus colon-separated upper-case hex. Immutable.
 */
public record DtlsFingerprint(String algorithm, String hex) {

    public DtlsFingerprint {
        algorithm = algorithm.trim().toLowerCase(Locale.ROOT);
        hex = hex.trim().toUpperCase(Locale.ROOT);
    }

    /** The fingerprint of a DER certificate with the given SDP hash name (sha-1, sha-256, sha-384, sha-512). */
    public static DtlsFingerprint of(String algorithm, byte[] der) {
        byte[] digest = digest(algorithm).digest(der);
        StringBuilder sb = new StringBuilder(digest.length * 3);
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
        }
        return new DtlsFingerprint(algorithm, sb.toString());
    }

    /** True if {@code der} hashes to this fingerprint. */
    public boolean matches(byte[] der) {
        return equals(of(algorithm, der));
    }

    /** SDP form: "sha-256 AB:CD:..". */
    @Override
    public String toString() {
        return algorithm + " " + hex;
    }

    private static MessageDigest digest(String sdpName) {
        String jca = switch (sdpName.trim().toLowerCase(Locale.ROOT)) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported fingerprint hash " + sdpName);
        };
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
