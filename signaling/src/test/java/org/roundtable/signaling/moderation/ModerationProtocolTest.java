package org.roundtable.signaling.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.MediaServerTestDouble.EndpointDouble;
import org.roundtable.signaling.testing.RunningServer;
import org.roundtable.signaling.testing.ServerExtension;
import org.roundtable.signaling.testing.WsTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moderation over the WebSocket, against the real domain and journal, with the SFU test double recording enforcement. */
class ModerationProtocolTest {

    @RegisterExtension
    final ServerExtension room = new ServerExtension("council");
    private RunningServer server;

    @BeforeEach
    void bind() {
        server = room.server();
    }

    private WsTestClient join(Role role, String name) throws Exception {
        return room.join(role, name);
    }

    private String id(String name) {
        return room.id(name);
    }

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type).put("id", type);
    }

    /** Sends a command that must be accepted (its broadcast reaches the sender before the ok). */
    private static void ok(WsTestClient client, JsonObject command) throws Exception {
        client.send(command);
        JsonObject reply = nextReply(client);
        assertEquals("ok", reply.getString("type"), () -> command.encode() + " refused: " + reply.encode());
    }

    private static String refused(WsTestClient client, JsonObject command) throws Exception {
        client.send(command);
        JsonObject reply = nextReply(client);
        assertEquals("error", reply.getString("type"), () -> "accepted: " + command.encode());
        if (command.getValue("id") != null) {
            assertEquals(command.getValue("id"), reply.getValue("id"));
        }
        return reply.getString("code");
    }

    /** The next ok/error, passing over broadcasts. */
    private static JsonObject nextReply(WsTestClient client) throws Exception {
        while (true) {
            JsonObject m = client.nextAny();
            String type = m.getString("type");
            if (type.equals("ok") || type.equals("error")) {
                return m;
            }
        }
    }

    /** The next broadcast moderation event of this type. */
    private static JsonObject nextEvent(WsTestClient client, String type) throws Exception {
        while (true) {
            JsonObject m = client.nextAny();
            if ("roundtable".equals(m.getString("type"))) {
                for (Object e : m.getJsonArray("events")) {
                    if (type.equals(((JsonObject) e).getString("type"))) {
                        return (JsonObject) e;
                    }
                }
            }
        }
    }

    private static List<String> queue(JsonObject state) {
        return state.getJsonArray("queue").stream().map(Object::toString).toList();
    }

    @Test
    void floorModeForwardsOnlyTheHolderAndModeratorsAndEveryoneSeesTheSameQueue() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana");
             WsTestClient bea = join(Role.MINISTER, "Bea");
             WsTestClient vera = join(Role.VIEWER, "Vera")) {
            EndpointDouble anaMedia = server.media.endpointOf(id("Ana"));
            EndpointDouble beaMedia = server.media.endpointOf(id("Bea"));
            EndpointDouble modMedia = server.media.endpointOf(id("Mo"));
            assertTrue(anaMedia.audioForwarded);
            assertFalse(server.media.endpointOf(id("Vera")).mayPublish);

            ok(mod, cmd("changeSettings").put("audioPolicy", "floor"));
            assertFalse(anaMedia.audioForwarded);
            assertFalse(beaMedia.audioForwarded);
            assertTrue(modMedia.audioForwarded);
            assertTrue(anaMedia.videoForwarded, "the audio policy does not touch video");

            ok(ana, cmd("raiseHand"));
            ok(bea, cmd("raiseHand"));
            List<String> expected = List.of(id("Ana"), id("Bea"));
            assertEquals(expected, queue(vera.nextState(s -> queue(s).size() == 2)));
            assertEquals(expected, queue(bea.nextState(s -> queue(s).size() == 2)));

            ok(mod, cmd("grantFloor").put("allottedSeconds", 120));
            JsonObject state = vera.nextState(s -> s.getValue("floor") != null);
            assertEquals(id("Ana"), state.getJsonObject("floor").getString("participantId"));
            assertEquals(120.0, state.getJsonObject("floor").getDouble("allottedSeconds"));
            assertEquals(List.of(id("Bea")), queue(state));
            assertTrue(anaMedia.audioForwarded);
            assertFalse(beaMedia.audioForwarded);

            ok(mod, cmd("passFloor"));
            assertFalse(anaMedia.audioForwarded);
            assertTrue(beaMedia.audioForwarded);
            ok(bea, cmd("yieldFloor"));
            assertFalse(beaMedia.audioForwarded);
        }
    }

    @Test
    void refusedCommandsGetAClearErrorAndChangeNothing() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana");
             WsTestClient vera = join(Role.VIEWER, "Vera")) {
            assertEquals("not-allowed", refused(ana, cmd("grantFloor")));
            assertEquals("not-allowed", refused(vera, cmd("raiseHand")));
            assertEquals("not-allowed", refused(ana, cmd("endRoundtable")));
            assertEquals("floor-not-held", refused(ana, cmd("yieldFloor")));
            assertEquals("queue-empty", refused(mod, cmd("grantFloor")));
            assertEquals("missing-field", refused(mod, cmd("forceMute").put("kind", "audio")));
            assertEquals("bad-field", refused(mod, cmd("forceMute").put("kind", "smell").put("participantId", id("Ana"))));
            assertEquals("bad-field", refused(mod, cmd("grantFloor").put("allottedSeconds", -3)));
            assertEquals("unknown-participant", refused(mod, cmd("admit").put("participantId", "nobody")));
            assertEquals("target-is-moderator", refused(mod, cmd("changeRole").put("participantId", id("Mo")).put("role", "viewer")));
            ok(ana, cmd("raiseHand"));
            assertEquals("already-in-queue", refused(ana, cmd("raiseHand")));
            assertEquals(List.of(id("Ana")), queue(mod.nextState(s -> !queue(s).isEmpty())));
            assertTrue(server.media.endpointOf(id("Ana")).audioForwarded);
        }
    }

    @Test
    void forceMuteHoldsUntilAModeratorLiftsIt() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana")) {
            EndpointDouble anaMedia = server.media.endpointOf(id("Ana"));
            ok(mod, cmd("forceMute").put("participantId", id("Ana")).put("kind", "audio"));
            assertFalse(anaMedia.audioForwarded);
            JsonObject updated = ana.next("participantUpdated").getJsonObject("participant");
            assertTrue(updated.getBoolean("audioMuted"));
            assertEquals("force-muted", refused(ana, cmd("mute").put("kind", "audio").put("muted", false)));
            assertFalse(anaMedia.audioForwarded);
            ok(mod, cmd("liftForceMute").put("participantId", id("Ana")).put("kind", "audio"));
            assertTrue(anaMedia.audioForwarded);
            ok(mod, cmd("forceMute").put("allMinisters", true).put("kind", "video"));
            assertFalse(anaMedia.videoForwarded);
            ok(mod, cmd("requestMute").put("participantId", id("Ana")).put("kind", "audio"));
            JsonObject requested = nextEvent(ana, "MuteRequested");
            assertEquals("MuteRequested", requested.getString("type"));
            assertEquals(id("Ana"), requested.getString("participantId"));
        }
    }

    @Test
    void promotionLetsAViewerPublishAndDemotionStopsIt() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient vera = join(Role.VIEWER, "Vera")) {
            EndpointDouble media = server.media.endpointOf(id("Vera"));
            assertFalse(media.mayPublish);
            ok(mod, cmd("changeRole").put("participantId", id("Vera")).put("role", "minister"));
            assertTrue(media.mayPublish);
            JsonObject updated = vera.next("participantUpdated").getJsonObject("participant");
            assertEquals("minister", updated.getString("role"));
            vera.next("startPublishing");
            ok(vera, cmd("raiseHand"));
            ok(mod, cmd("changeRole").put("participantId", id("Vera")).put("role", "viewer"));
            assertFalse(media.mayPublish);
            assertEquals("not-allowed", refused(vera, cmd("publish").put("sdp", "v=0")));
        }
    }

    @Test
    void theLobbyWaitsForAModeratorWhoAdmitsOrDenies() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo")) {
            ok(mod, cmd("changeSettings").put("lobbyForMinisters", true));
            WsTestClient ana = server.connect(server.token("council", Role.MINISTER, "Ana"));
            JsonObject welcome = ana.next("welcome");
            assertEquals("lobby", welcome.getString("presence"));
            assertEquals(new JsonArray(), ana.next("tracks").getJsonArray("tracks"));
            assertEquals("in-lobby", refused(ana, cmd("publish").put("sdp", "v=0")));
            assertEquals("in-lobby", refused(ana, cmd("raiseHand")));
            assertFalse(server.media.endpointOf(id("Ana")).mayPublish);
            ok(mod, cmd("admit").put("participantId", id("Ana")));
            assertTrue(server.media.endpointOf(id("Ana")).mayPublish);
            ok(ana, cmd("raiseHand"));

            WsTestClient bea = server.connect(server.token("council", Role.MINISTER, "Bea"));
            assertEquals("lobby", bea.next("welcome").getString("presence"));
            bea.next("tracks");
            ok(mod, cmd("deny").put("participantId", id("Bea")));
            assertEquals("denied", bea.next("error").getString("code"));
            bea.awaitClose();

            ok(mod, cmd("setLocked").put("locked", true));
            WsTestClient late = server.connect(server.token("council", Role.MINISTER, "Late"));
            assertEquals("locked", late.next("error").getString("code"));
            late.awaitClose();
            ana.close();
        }
    }

    @Test
    void aBannedParticipantIsRemovedAndCannotComeBackAndEndingClosesEveryone() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient vera = join(Role.VIEWER, "Vera")) {
            WsTestClient ana = join(Role.MINISTER, "Ana");
            ok(mod, cmd("removeParticipant").put("participantId", id("Ana")).put("ban", true));
            assertEquals("banned", ana.next("error").getString("code"));
            ana.awaitClose();
            WsTestClient again = server.connect(server.token("council", Role.MINISTER, "Ana"));
            assertEquals("banned", again.next("error").getString("code"));
            again.awaitClose();

            // Ending closes every session, the moderator's own included: its answer is that close.
            assertEquals("roundtable-ended", refused(mod, cmd("endRoundtable").put("id", null)));
            mod.awaitClose();
            assertEquals("roundtable-ended", nextReply(vera).getString("code"));
            vera.awaitClose();
        }
    }

    @Test
    void atExpiryTheFloorPassesToTheNextInQueueAndTheHolderIsMuted() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana");
             WsTestClient bea = join(Role.MINISTER, "Bea")) {
            ok(mod, cmd("changeSettings").put("audioPolicy", "floor").put("expiryPolicy", "mute-and-next"));
            ok(ana, cmd("raiseHand"));
            ok(bea, cmd("raiseHand"));
            ok(mod, cmd("grantFloor").put("allottedSeconds", 0.5));
            JsonObject after = mod.nextState(s -> s.getValue("floor") != null
                    && s.getJsonObject("floor").getString("participantId").equals(id("Bea")));
            assertEquals(List.of(), queue(after));
            assertTrue(server.media.endpointOf(id("Bea")).audioForwarded);
            assertFalse(server.media.endpointOf(id("Ana")).audioForwarded);
        }
    }

    @Test
    void aRestartedServerRebuildsQueueFloorAndRecordFromTheJournal() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana");
             WsTestClient bea = join(Role.MINISTER, "Bea")) {
            ok(mod, cmd("changeSettings").put("audioPolicy", "floor"));
            ok(ana, cmd("raiseHand"));
            ok(bea, cmd("raiseHand"));
            ok(mod, cmd("grantFloor").put("allottedSeconds", 600));
        }
        server = room.restart();
        try (WsTestClient bea = server.connect(server.token("council", Role.MINISTER, "Bea"))) {
            JsonObject welcome = bea.next("welcome");
            JsonObject state = welcome.getJsonObject("roundtable");
            assertEquals(List.of(id("Bea")), queue(state));
            assertEquals(id("Ana"), state.getJsonObject("floor").getString("participantId"));
            assertEquals("floor", state.getJsonObject("settings").getString("audioPolicy"));
            assertFalse(server.media.endpointOf(id("Bea")).audioForwarded, "floor mode survives the restart");
            try (WsTestClient ana = server.connect(server.token("council", Role.MINISTER, "Ana"))) {
                assertEquals(id("Ana"), ana.next("welcome").getJsonObject("roundtable").getJsonObject("floor").getString("participantId"));
                assertTrue(server.media.endpointOf(id("Ana")).audioForwarded, "the holder is heard again after reconnecting");
            }
        }
    }
}
