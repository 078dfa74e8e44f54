package org.roundtable.signaling.moderation;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.signaling.auth.JoinClaims;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.HttpTestClient;
import org.roundtable.signaling.testing.HttpTestClient.Response;
import org.roundtable.signaling.testing.RunningServer;
import org.roundtable.signaling.testing.WsTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organisers' HTTP API: every command, authorisation, and the official record in its three formats. */
class ModerationApiTest {

    @TempDir
    Path dataDir;
    private RunningServer server;
    private HttpTestClient http;
    private String moderatorToken;

    @BeforeEach
    void start() throws Exception {
        server = new RunningServer(dataDir);
        http = new HttpTestClient(server.port());
        moderatorToken = server.token("council", Role.MODERATOR, "Organiser system");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Response call(String method, String uri, String token, String body) throws Exception {
        return http.send(method, uri, token, body);
    }

    private Response post(String command, JsonObject body) throws Exception {
        return call("POST", "/api/roundtables/council/" + command, moderatorToken, body.encode());
    }

    private JsonObject accepted(String command, JsonObject body) throws Exception {
        Response response = post(command, body);
        assertEquals(200, response.status(), () -> command + ": " + response.body());
        return response.json();
    }

    private static String id(String name) {
        return JoinClaims.derivedId("council", name);
    }

    private WsTestClient join(Role role, String name) throws Exception {
        WsTestClient client = server.connect(server.token("council", role, name));
        client.next("welcome");
        client.next("tracks");
        return client;
    }

    @Test
    void withoutATokenOrWithAnotherRolesOrRoomsTokenNothingHappens() throws Exception {
        assertEquals(401, call("GET", "/api/roundtables/council", null, null).status());
        assertEquals(401, call("POST", "/api/roundtables/council/setLocked", "garbage", "{\"locked\":true}").status());
        Response minister = call("POST", "/api/roundtables/council/setLocked",
                server.token("council", Role.MINISTER, "Ana"), "{\"locked\":true}");
        assertEquals(403, minister.status());
        assertEquals("not-allowed", minister.json().getString("error"));
        assertEquals(403, call("GET", "/api/roundtables/council/record",
                server.token("other", Role.MODERATOR, "Mo"), null).status());
        Response state = call("GET", "/api/roundtables/council", moderatorToken, null);
        assertEquals(200, state.status());
        assertFalse(state.json().getJsonObject("settings").getBoolean("locked"), "refused calls changed nothing");
    }

    @Test
    void badRequestsAreRefusedClearly() throws Exception {
        assertEquals(404, post("teleport", new JsonObject()).status());
        assertEquals(400, call("POST", "/api/roundtables/council/setLocked", moderatorToken, "{nope").status());
        Response missing = post("setLocked", new JsonObject());
        assertEquals(400, missing.status());
        assertEquals("missing-field", missing.json().getString("error"));
        Response conflict = post("revokeFloor", new JsonObject());
        assertEquals(409, conflict.status());
        assertEquals("floor-not-held", conflict.json().getString("error"));
        Response own = post("raiseHand", new JsonObject());
        assertEquals(409, own.status());
        assertEquals("not-allowed", own.json().getString("error"));
    }

    @Test
    void everyModeratorCommandWorksOverHttpAndReachesTheRoom() throws Exception {
        accepted("changeSettings", new JsonObject().put("audioPolicy", "floor").put("lobbyForViewers", true)
                .put("defaultAllottedSeconds", 180).put("warningsBeforeEndSeconds", List.of(30)));
        try (WsTestClient ana = join(Role.MINISTER, "Ana");
             WsTestClient bea = join(Role.MINISTER, "Bea");
             WsTestClient cid = join(Role.MINISTER, "Cid")) {
            WsTestClient vera = server.connect(server.token("council", Role.VIEWER, "Vera"));
            assertEquals("lobby", vera.next("welcome").getString("presence"));
            accepted("admit", new JsonObject().put("participantId", id("Vera")));
            WsTestClient vic = server.connect(server.token("council", Role.VIEWER, "Vic"));
            assertEquals("lobby", vic.next("welcome").getString("presence"));
            accepted("deny", new JsonObject().put("participantId", id("Vic")));

            for (WsTestClient c : List.of(ana, bea, cid)) {
                c.send(new JsonObject().put("type", "raiseHand"));
            }
            ana.nextState(s -> s.getJsonArray("queue").size() == 3);
            accepted("moveInQueue", new JsonObject().put("participantId", id("Cid")).put("direction", "up"));
            accepted("moveToHead", new JsonObject().put("participantId", id("Bea")));
            JsonObject state = accepted("removeFromQueue", new JsonObject().put("participantId", id("Ana"))).getJsonObject("state");
            assertEquals(List.of(id("Bea"), id("Cid")), state.getJsonArray("queue").getList());
            assertEquals(List.of(id("Bea"), id("Cid")), ana.nextState(s -> s.getJsonArray("queue").size() == 2).getJsonArray("queue").getList());

            JsonObject granted = accepted("grantFloor", new JsonObject());
            assertEquals(id("Bea"), granted.getJsonObject("state").getJsonObject("floor").getString("participantId"));
            assertEquals(180.0, granted.getJsonObject("state").getJsonObject("floor").getDouble("allottedSeconds"));
            assertTrue(server.media.endpointOf(id("Bea")).audioForwarded);
            assertFalse(server.media.endpointOf(id("Cid")).audioForwarded);
            accepted("passFloor", new JsonObject());
            assertTrue(server.media.endpointOf(id("Cid")).audioForwarded);
            accepted("revokeFloor", new JsonObject());
            assertFalse(server.media.endpointOf(id("Cid")).audioForwarded);
            accepted("grantFloor", new JsonObject().put("participantId", id("Ana")).put("allottedSeconds", 30));

            accepted("requestMute", new JsonObject().put("allMinisters", true).put("kind", "audio"));
            accepted("requestMute", new JsonObject().put("participantId", id("Bea")).put("kind", "video"));
            accepted("forceMute", new JsonObject().put("participantId", id("Ana")).put("kind", "audio"));
            assertFalse(server.media.endpointOf(id("Ana")).audioForwarded, "force-mute wins over the floor");
            accepted("liftForceMute", new JsonObject().put("participantId", id("Ana")).put("kind", "audio"));
            assertTrue(server.media.endpointOf(id("Ana")).audioForwarded);
            accepted("forceMute", new JsonObject().put("allMinisters", true).put("kind", "video"));
            assertFalse(server.media.endpointOf(id("Bea")).videoForwarded);
            accepted("liftForceMute", new JsonObject().put("allMinisters", true).put("kind", "video"));
            assertTrue(server.media.endpointOf(id("Bea")).videoForwarded);

            accepted("changeRole", new JsonObject().put("participantId", id("Vera")).put("role", "minister"));
            assertTrue(server.media.endpointOf(id("Vera")).mayPublish);
            accepted("changeRole", new JsonObject().put("participantId", id("Vera")).put("role", "viewer"));
            assertFalse(server.media.endpointOf(id("Vera")).mayPublish);
            accepted("setLocked", new JsonObject().put("locked", true));
            accepted("removeParticipant", new JsonObject().put("participantId", id("Cid")).put("ban", true));
            JsonObject last = accepted("endRoundtable", new JsonObject()).getJsonObject("state");
            assertTrue(last.getBoolean("ended"));
            assertEquals(List.of(id("Cid")), last.getJsonArray("banned").getList());
            vera.close();
            vic.close();
        }

        Response json = call("GET", "/api/roundtables/council/record?format=json", moderatorToken, null);
        assertEquals(200, json.status());
        assertTrue(json.contentType().startsWith("application/json"));
        JsonObject record = json.json();
        assertEquals("council", record.getString("room"));
        List<?> interventions = record.getJsonArray("interventions").getList();
        assertEquals(3, interventions.size(), record.encodePrettily());
        Map<?, ?> first = (Map<?, ?>) interventions.get(0);
        assertEquals(id("Bea"), first.get("participantId"));
        assertEquals("PASSED", String.valueOf(first.get("endReason")));

        Response csv = call("GET", "/api/roundtables/council/record?format=csv", moderatorToken, null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertEquals(4, csv.body().split("\r\n").length, csv.body());
        assertTrue(csv.body().startsWith("number,participant_id"), csv.body());
        Response people = call("GET", "/api/roundtables/council/record?format=csv&table=participants", moderatorToken, null);
        assertTrue(people.body().startsWith("participant_id,"), people.body());
        assertTrue(people.body().contains("Bea"));

        Response html = call("GET", "/api/roundtables/council/record?format=html", moderatorToken, null);
        assertEquals(200, html.status());
        assertTrue(html.contentType().startsWith("text/html"));
        assertTrue(html.body().contains("Bea") && html.body().contains("council"), html.body());
        assertEquals(400, call("GET", "/api/roundtables/council/record?format=pdf", moderatorToken, null).status());
    }
}
