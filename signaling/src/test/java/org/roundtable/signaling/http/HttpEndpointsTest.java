package org.roundtable.signaling.http;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.JoinTokens;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.HttpTestClient;
import org.roundtable.signaling.testing.HttpTestClient.Response;
import org.roundtable.signaling.testing.RunningServer;
import org.roundtable.signaling.testing.WsTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpEndpointsTest {

    @TempDir
    Path dataDir;
    private RunningServer server;
    private HttpTestClient http;

    @BeforeEach
    void start() throws Exception {
        server = new RunningServer(dataDir);
        http = new HttpTestClient(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Response get(String uri) throws Exception {
        return http.get(uri);
    }

    @Test
    void healthSaysOk() throws Exception {
        Response health = get("/health");
        assertEquals(200, health.status());
        assertTrue(health.contentType().startsWith("application/json"), health.contentType());
        JsonObject body = new JsonObject(health.body());
        assertEquals("ok", body.getString("status"));
        assertEquals(0, body.getInteger("roundtables"));
    }

    @Test
    void metricsExposeRoundtableMediaAndJvmMetricsInPrometheusTextFormat() throws Exception {
        try (WsTestClient minister = server.connect(server.token("demo", Role.MINISTER, "M"));
             WsTestClient viewer = server.connect(server.token("demo", Role.VIEWER, "V"))) {
            minister.next("welcome");
            viewer.next("welcome");
            viewer.next("tracks");
            assertEquals("pong", viewer.exchange(new JsonObject().put("type", "ping"), "pong").getString("type"));
            Response metrics = get("/metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
            String text = metrics.body();
            for (String expected : new String[] {
                "roundtable_conferences 1.0",
                "roundtable_endpoints{role=\"minister\"} 1.0",
                "roundtable_endpoints{role=\"viewer\"} 1.0",
                "roundtable_endpoints{role=\"moderator\"} 0.0",
                "roundtable_media_packets_in_total 11.0",
                "roundtable_media_bytes_in_total 12000.0",
                "roundtable_media_packets_out_total 21.0",
                "roundtable_media_bytes_out_total 22000.0",
                "roundtable_media_packets_dropped_total{reason=\"not-publisher\"} 3.0",
                "roundtable_media_packets_dropped_total{reason=\"malformed\"} 1.0",
                "roundtable_srtp_failures_total 2.0",
                "roundtable_dtls_handshake_failures_total 1.0",
                "# TYPE roundtable_media_forwarding_delay_seconds histogram",
                "roundtable_media_forwarding_delay_seconds_bucket{le=\"0.001\"} 3",
                "roundtable_media_forwarding_delay_seconds_bucket{le=\"0.002\"} 4",
                "roundtable_media_forwarding_delay_seconds_bucket{le=\"+Inf\"} 4",
                "roundtable_media_forwarding_delay_seconds_count 4",
                "roundtable_media_forwarding_delay_seconds_sum 0.004",
                "# TYPE roundtable_signaling_messages_rejected_total counter",
                "# TYPE roundtable_tokens_rejected_total counter",
                "jvm_memory_used_bytes",
                "jvm_threads_current",
            }) {
                assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
            }
        }
    }

    @Test
    void whoamiReadsAValidTokenAndRefusesOthersWith401Json() throws Exception {
        String token = server.token("council", Role.MODERATOR, "Mo");
        Response ok = get("/api/whoami?token=" + token);
        assertEquals(200, ok.status());
        JsonObject claims = new JsonObject(ok.body());
        assertEquals("council", claims.getString("room"));
        assertEquals("moderator", claims.getString("role"));
        assertEquals("Mo", claims.getString("name"));

        Response forged = get("/api/whoami?token=" + withSignatureCharacterChanged(token));
        assertEquals(401, forged.status());
        JsonObject refusal = new JsonObject(forged.body());
        assertEquals("invalid-token", refusal.getString("error"));
        assertEquals("invalid", refusal.getString("reason"));

        String expired = server.server.tokens().issue(new JoinClaims("council", Role.VIEWER, "Late", Instant.now().minus(Duration.ofHours(1))));
        Response late = get("/api/whoami?token=" + expired);
        assertEquals(401, late.status());
        assertEquals("expired", new JsonObject(late.body()).getString("reason"));
        assertEquals(401, get("/api/whoami").status());

        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("roundtable_tokens_rejected_total{reason=\"invalid\"} 1.0"), metrics);
        assertTrue(metrics.contains("roundtable_tokens_rejected_total{reason=\"expired\"} 1.0"), metrics);
        assertTrue(metrics.contains("roundtable_tokens_rejected_total{reason=\"missing\"} 1.0"), metrics);
    }

    /** Changes a character well inside the signature: the last one carries padding bits and may decode the same. */
    private static String withSignatureCharacterChanged(String token) {
        int at = token.length() - 10;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    @Test
    void webSocketsWithBadTokensGetAnErrorThenTheClose() throws Exception {
        String expired = server.server.tokens().issue(new JoinClaims("council", Role.VIEWER, "Late", Instant.now().minus(Duration.ofHours(1))));
        try (WsTestClient late = server.connect(expired)) {
            JsonObject error = late.next("error");
            assertEquals("invalid-token", error.getString("code"));
            assertEquals("expired", error.getString("reason"));
            assertEquals(Short.valueOf(WebSocketEndpoint.CLOSE_INVALID_TOKEN), late.awaitClose());
        }
        JoinTokens otherServer = new JoinTokens(server.vertx, "some-other-servers-secret-32-byt".getBytes(), java.time.Clock.systemUTC());
        try (WsTestClient stranger = server.connect(otherServer.issue("council", Role.MODERATOR, "Eve", Duration.ofHours(1)))) {
            assertEquals("invalid", stranger.next("error").getString("reason"));
            assertEquals(Short.valueOf(WebSocketEndpoint.CLOSE_INVALID_TOKEN), stranger.awaitClose());
        }
        try (WsTestClient anonymous = server.connect(null)) {
            assertEquals("missing", anonymous.next("error").getString("reason"));
            anonymous.awaitClose();
        }
        assertEquals(0, server.media.endpoints.size());
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("roundtable_tokens_rejected_total{reason=\"expired\"} 1.0"), metrics);
        assertTrue(metrics.contains("roundtable_tokens_rejected_total{reason=\"invalid\"} 1.0"), metrics);
    }

    @Test
    void servesTheWebClient() throws Exception {
        Response index = get("/");
        assertEquals(200, index.status());
        assertTrue(index.body().contains("Join roundtable"));
        Response room = get("/room?token=abc");
        assertEquals(200, room.status());
        assertTrue(room.body().contains("/js/room.js"));
        Response script = get("/js/room.js");
        assertEquals(200, script.status());
        assertTrue(script.contentType().contains("javascript"), script.contentType());
        assertEquals(404, get("/nothing-here").status());
    }
}
