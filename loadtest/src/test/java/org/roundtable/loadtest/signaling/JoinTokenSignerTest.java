package org.roundtable.loadtest.signaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JoinTokenSignerTest {

    @Test
    void signsHs256WithTheClaimsTheServerReads() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
        JoinTokenSigner signer = JoinTokenSigner.fromSecretText("c2VjcmV0LWtleQ==\n", clock);
        String jwt = signer.sign("room \"1\"", "viewer", "v-0", Duration.ofHours(1));
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        assertEquals("HS256", header.getString("alg"));
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("room \"1\"", claims.getString("room"));
        assertEquals("viewer", claims.getString("role"));
        assertEquals("v-0", claims.getString("name"));
        assertEquals(1_800_003_600L, claims.getLong("exp"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]));
    }
}
