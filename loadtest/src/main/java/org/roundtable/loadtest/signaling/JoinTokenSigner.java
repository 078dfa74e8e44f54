package org.roundtable.loadtest.signaling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the server's join tokens: HS256 JWTs with the claims room, role, name and exp, signed
 * with the server's secret (the base64 text of {@code <data-dir>/secret.key}). Thread-safe
 * (a fresh Mac per token; tokens are made once per join, not per packet).
 */
public final class JoinTokenSigner {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key;
    private final Clock clock;

    /** @param key the HMAC key bytes */
    public JoinTokenSigner(byte[] key, Clock clock) {
        if (key.length == 0) {
            throw new IllegalArgumentException("empty signing key");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    /** The key as the server keys its JWT provider: the secret file's text, trimmed. */
    public static JoinTokenSigner fromSecretText(String secretText, Clock clock) {
        String trimmed = secretText.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the secret is empty");
        }
        return new JoinTokenSigner(SecretKeys.keyBytes(trimmed), clock);
    }

    public static JoinTokenSigner fromDataDir(Path dataDir, Clock clock) throws IOException {
        Path file = dataDir.resolve("secret.key");
        if (!Files.isReadable(file)) {
            throw new IOException("no readable " + file + ": is --data-dir the server's data directory?");
        }
        return fromSecretText(Files.readString(file, StandardCharsets.UTF_8), clock);
    }

    public String sign(String room, String role, String name, Duration validFor) {
        long exp = clock.instant().plus(validFor).getEpochSecond();
        String payload = "{\"room\":" + quote(room) + ",\"role\":" + quote(role) + ",\"name\":" + quote(name)
                + ",\"iat\":" + clock.instant().getEpochSecond() + ",\"exp\":" + exp + "}";
        String signingInput = HEADER + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
