package org.roundtable.loadtest.signaling;

import java.nio.charset.StandardCharsets;

/**
 * How the secret's text becomes HMAC key bytes. The server hands the base64 text of
 * secret.key to its JWT provider as it is (Vert.x's PubSecKeyOptions.setBuffer takes the text's
 * bytes, it does not decode them), so we sign with the same bytes. Stateless.
 */
final class SecretKeys {
    private SecretKeys() {
    }

    static byte[] keyBytes(String secretText) {
        return secretText.getBytes(StandardCharsets.UTF_8);
    }
}
