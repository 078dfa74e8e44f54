package org.roundtable.signaling.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.ServerExtension;
import org.roundtable.signaling.testing.WsTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Viewers are the audience: moderators are told about each of them, ministers and other viewers
 * only of their number (so a viewer's arrival is not sent to the whole audience).
 */
class AudienceProtocolTest {

    @RegisterExtension
    final ServerExtension room = new ServerExtension("council");

    private WsTestClient join(Role role, String name) throws Exception {
        return room.join(role, name);
    }

    private String id(String name) {
        return room.id(name);
    }

    private static List<String> ids(JsonObject state) {
        JsonArray people = state.getJsonArray("participants");
        return people.stream().map(p -> ((JsonObject) p).getString("participantId")).toList();
    }

    private static Predicate<JsonObject> viewers(int n) {
        return state -> state.getInteger("viewers") == n;
    }

    /** Every message {@code client} receives until a roundtable state satisfying {@code condition}, that state's message included. */
    private static List<JsonObject> until(WsTestClient client, Predicate<JsonObject> condition) throws InterruptedException {
        List<JsonObject> seen = new java.util.ArrayList<>();
        while (true) {
            JsonObject m = client.nextAny();
            seen.add(m);
            if ("roundtable".equals(m.getString("type")) && condition.test(m.getJsonObject("state"))) {
                return seen;
            }
        }
    }

    private static List<JsonObject> ofType(List<JsonObject> messages, String type) {
        return messages.stream().filter(m -> type.equals(m.getString("type"))).toList();
    }

    private static JsonObject lastState(List<JsonObject> messages) {
        return messages.get(messages.size() - 1).getJsonObject("state");
    }

    @Test
    void ministersAndViewersSeeTheAudienceAsACountModeratorsSeeEveryone() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana")) {
            WsTestClient vera = room.connect(Role.VIEWER, "Vera");
            JsonObject welcome = vera.next("welcome");
            // the newcomer viewer is told of the stage and of itself, not of other viewers
            List<String> told = welcome.getJsonArray("participants").stream()
                    .map(p -> ((JsonObject) p).getString("participantId")).toList();
            assertTrue(told.containsAll(List.of(id("Mo"), id("Ana"), id("Vera"))), told.toString());
            WsTestClient vic = room.connect(Role.VIEWER, "Vic");
            JsonObject vicWelcome = vic.next("welcome");
            List<String> toldVic = vicWelcome.getJsonArray("participants").stream()
                    .map(p -> ((JsonObject) p).getString("participantId")).toList();
            assertFalse(toldVic.contains(id("Vera")), "a viewer is not told of the other viewers: " + toldVic);
            JsonObject vicState = vicWelcome.getJsonObject("roundtable");
            assertEquals(2, vicState.getInteger("viewers"));
            assertTrue(ids(vicState).contains(id("Vic")), "a viewer sees itself");
            assertFalse(ids(vicState).contains(id("Vera")), "but not the other viewers");

            List<JsonObject> toMod = until(mod, viewers(2));
            assertTrue(ids(lastState(toMod)).containsAll(List.of(id("Vera"), id("Vic"))), "moderators see every viewer");
            assertEquals(2, ofType(toMod, "participantJoined").size(), "and are told of each arrival");
            List<JsonObject> toAna = until(ana, viewers(2));
            assertEquals(List.of(id("Mo"), id("Ana")), ids(lastState(toAna)), "a minister sees the stage and a count");
            assertTrue(ofType(toAna, "participantJoined").isEmpty(), "viewers' arrivals are not sent to ministers");
            assertTrue(ofType(until(vera, viewers(2)), "participantJoined").isEmpty(), "nor is told of their arrival");

            vic.close();
            assertEquals(1, ofType(until(mod, viewers(1)), "participantLeft").size());
            assertTrue(ofType(until(ana, viewers(1)), "participantLeft").isEmpty(), "viewers' departures neither");
            vera.close();
        }
    }

    @Test
    void aPromotedViewerArrivesOnStageForEveryoneAndLeavesItWhenDemoted() throws Exception {
        try (WsTestClient mod = join(Role.MODERATOR, "Mo");
             WsTestClient ana = join(Role.MINISTER, "Ana");
             WsTestClient vera = join(Role.VIEWER, "Vera")) {
            until(ana, viewers(1));

            mod.send(new JsonObject().put("type", "changeRole").put("id", "up").put("participantId", id("Vera")).put("role", "minister"));
            List<JsonObject> promoted = until(ana, state -> state.getInteger("viewers") == 0 && ids(state).contains(id("Vera")));
            List<JsonObject> updates = ofType(promoted, "participantUpdated");
            assertEquals(1, updates.size(), promoted.toString());
            assertEquals(id("Vera"), updates.get(0).getJsonObject("participant").getString("participantId"));
            assertEquals("minister", updates.get(0).getJsonObject("participant").getString("role"));
            until(vera, viewers(0));

            mod.send(new JsonObject().put("type", "changeRole").put("id", "down").put("participantId", id("Vera")).put("role", "viewer"));
            List<JsonObject> demoted = until(ana, state -> state.getInteger("viewers") == 1 && !ids(state).contains(id("Vera")));
            List<JsonObject> lefts = ofType(demoted, "participantLeft");
            assertEquals(1, lefts.size(), demoted.toString());
            assertEquals(id("Vera"), lefts.get(0).getString("participantId"));
            assertEquals("became-viewer", lefts.get(0).getString("reason"));
            List<JsonObject> own = ofType(until(vera, viewers(1)), "participantUpdated");
            assertEquals("viewer", own.get(own.size() - 1).getJsonObject("participant").getString("role"),
                    "the demoted viewer is told itself");
        }
    }
}
