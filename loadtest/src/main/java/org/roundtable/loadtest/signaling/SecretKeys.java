package org.roundtable.loadtest.signaling;

import java.util.Base64;

/**
 * How the secret's text becomes HMAC key bytes: the server base64-decodes secret.key and keys
 * its HS256 provider with the raw bytes (signaling's SecretStore), so we do the same. Stateless.
 */
final class SecretKeys {
    private SecretKeys() {
    }

    static byte[] keyBytes(String secretText) {
        try {
            return Base64.getDecoder().decode(secretText.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret is not base64 (as secret.key holds it): " + e.getMessage(), e);
        }
    }
}
