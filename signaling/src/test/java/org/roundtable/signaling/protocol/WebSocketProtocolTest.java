package org.roundtable.signaling.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.testing.MediaServerTestDouble.EndpointDouble;
import org.roundtable.signaling.testing.RunningServer;
import org.roundtable.signaling.testing.ServerExtension;
import org.roundtable.signaling.testing.WsTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketProtocolTest {

    @RegisterExtension
    final ServerExtension council = new ServerExtension("council");
    private RunningServer server;

    @BeforeEach
    void bind() {
        server = council.server();
    }

    private WsTestClient join(String room, Role role, String name) throws Exception {
        return server.connect(server.token(room, role, name));
    }

    @Test
    void welcomeDescribesTheParticipantAndTheRoomThenTheTrackList() throws Exception {
        try (WsTestClient alice = join("council", Role.MINISTER, "Alice")) {
            JsonObject welcome = alice.next("welcome");
            assertEquals("Alice", welcome.getString("name"));
            assertEquals("minister", welcome.getString("role"));
            assertEquals("council", welcome.getString("room"));
            String id = welcome.getString("participantId");
            JsonArray participants = welcome.getJsonArray("participants");
            assertEquals(1, participants.size());
            assertEquals(new JsonObject().put("participantId", id).put("name", "Alice").put("role", "minister")
                    .put("audioMuted", false).put("videoMuted", false), participants.getJsonObject(0));
            assertEquals(new JsonArray(), alice.next("tracks").getJsonArray("tracks"));
            EndpointDouble endpoint = server.media.endpointOf(id);
            assertTrue(endpoint.mayPublish);
        }
    }

    @Test
    void viewersEndpointIsReceiveOnlyAndTheirPublishIsRefusedBeforeReachingTheMediaServer() throws Exception {
        try (WsTestClient viewer = join("council", Role.VIEWER, "Vera")) {
            String id = viewer.next("welcome").getString("participantId");
            viewer.next("tracks");
            JsonObject error = viewer.exchange(new JsonObject().put("type", "publish").put("id", 7).put("sdp", "v=0"), "error");
            assertEquals("not-allowed", error.getString("code"));
            assertEquals(7, error.getInteger("id"));
            EndpointDouble endpoint = server.media.endpointOf(id);
            assertFalse(endpoint.mayPublish);
            assertEquals(List.of(), endpoint.publishOffers);
            assertEquals("pong", viewer.exchange(new JsonObject().put("type", "ping"), "pong").getString("type"));
        }
    }

    @Test
    void ministerPublishIsAnsweredByTheMediaServerWithTheRequestId() throws Exception {
        try (WsTestClient alice = join("council", Role.MINISTER, "Alice")) {
            String id = alice.next("welcome").getString("participantId");
            alice.next("tracks");
            JsonObject answer = alice.exchange(new JsonObject().put("type", "publish").put("id", "p1").put("sdp", "v=0 offer"), "publishAnswer");
            assertEquals("answer-to:v=0 offer", answer.getString("sdp"));
            assertEquals("p1", answer.getString("id"));
            assertEquals(List.of("v=0 offer"), server.media.endpointOf(id).publishOffers);
        }
    }

    @Test
    void badMessagesGetErrorsAndTheSessionGoesOn() throws Exception {
        try (WsTestClient alice = join("council", Role.MODERATOR, "Mo")) {
            alice.next("welcome");
            alice.next("tracks");
            alice.sendRaw("{not json");
            assertEquals("bad-json", alice.next("error").getString("code"));
            alice.sendRaw("[1,2]");
            assertEquals("bad-json", alice.next("error").getString("code"));
            JsonObject unknown = alice.exchange(new JsonObject().put("type", "teleport").put("id", 3), "error");
            assertEquals("unknown-type", unknown.getString("code"));
            assertEquals(3, unknown.getInteger("id"));
            assertEquals("missing-field", alice.exchange(new JsonObject().put("id", 4), "error").getString("code"));
            assertEquals("missing-field", alice.exchange(new JsonObject().put("type", "publish"), "error").getString("code"));
            assertEquals("bad-field", alice.exchange(new JsonObject().put("type", "mute").put("kind", "smell").put("muted", true), "error").getString("code"));
            assertEquals("bad-field", alice.exchange(new JsonObject().put("type", "mute").put("kind", "audio").put("muted", "yes"), "error").getString("code"));
            assertEquals("bad-field", alice.exchange(new JsonObject().put("type", "subscribe").put("sdp", "v=0").put("mids", "0"), "error").getString("code"));
            String huge = "x".repeat(MessageDispatcher.MAX_MESSAGE_CHARS + 1);
            assertEquals("too-large", alice.exchange(new JsonObject().put("type", "ping").put("pad", huge), "error").getString("code"));
            JsonObject pong = alice.exchange(new JsonObject().put("type", "ping").put("id", "still-here"), "pong");
            assertEquals("still-here", pong.getString("id"));
            assertFalse(alice.isClosed());
        }
        String metrics = new org.roundtable.signaling.testing.HttpTestClient(server.port()).get("/metrics").body();
        assertTrue(metrics.contains("roundtable_signaling_messages_rejected_total{code=\"bad-json\"} 2.0"), metrics);
        assertTrue(metrics.contains("roundtable_signaling_messages_rejected_total{code=\"too-large\"} 1.0"), metrics);
    }

    @Test
    void joinsAndLeavesAreBroadcast() throws Exception {
        // a moderator is told of every arrival; ministers only of those on stage (AudienceProtocolTest)
        try (WsTestClient alice = join("council", Role.MODERATOR, "Alice")) {
            String aliceId = alice.next("welcome").getString("participantId");
            alice.next("tracks");
            WsTestClient vera = join("council", Role.VIEWER, "Vera");
            JsonObject welcome = vera.next("welcome");
            String veraId = welcome.getString("participantId");
            assertEquals(List.of(aliceId, veraId), welcome.getJsonArray("participants").stream()
                    .map(p -> ((JsonObject) p).getString("participantId")).toList());
            JsonObject joined = alice.next("participantJoined").getJsonObject("participant");
            assertEquals(veraId, joined.getString("participantId"));
            assertEquals("viewer", joined.getString("role"));
            assertEquals("Vera", joined.getString("name"));

            vera.close();
            JsonObject left = alice.next("participantLeft");
            assertEquals(veraId, left.getString("participantId"));
            assertEquals("disconnected", left.getString("reason"));
            assertTrue(server.media.endpointOf(veraId).closed);

            try (WsTestClient bob = join("council", Role.MINISTER, "Bob")) {
                String bobId = bob.next("welcome").getString("participantId");
                alice.next("participantJoined");
                bob.next("tracks");
                bob.send(new JsonObject().put("type", "leave"));
                assertEquals(bobId, alice.next("participantLeft").getString("participantId"));
                bob.awaitClose();
            }
        }
    }

    @Test
    void roomsAreSeparate() throws Exception {
        try (WsTestClient alice = join("council", Role.MINISTER, "Alice");
             WsTestClient zed = join("other", Role.MINISTER, "Zed")) {
            alice.next("welcome");
            alice.next("tracks");
            JsonObject welcome = zed.next("welcome");
            assertEquals(1, welcome.getJsonArray("participants").size());
            zed.next("tracks");
            assertEquals("pong", alice.exchange(new JsonObject().put("type", "ping"), "pong").getString("type"));
            assertEquals(2, server.media.conferenceCount());
        }
    }

    @Test
    void muteIsBroadcastToEveryoneAndEchoedWithTheId() throws Exception {
        try (WsTestClient alice = join("council", Role.MODERATOR, "Alice");
             WsTestClient vera = join("council", Role.VIEWER, "Vera")) {
            String aliceId = alice.next("welcome").getString("participantId");
            alice.next("tracks");
            alice.next("participantJoined");
            vera.next("welcome");
            vera.next("tracks");
            JsonObject echo = alice.exchange(new JsonObject().put("type", "mute").put("id", 9).put("kind", "audio").put("muted", true), "participantUpdated");
            assertTrue(echo.getJsonObject("participant").getBoolean("audioMuted"));
            assertEquals(9, alice.next("ok").getInteger("id"));
            JsonObject seen = vera.next("participantUpdated").getJsonObject("participant");
            assertEquals(aliceId, seen.getString("participantId"));
            assertTrue(seen.getBoolean("audioMuted"));
            assertFalse(seen.getBoolean("videoMuted"));
            assertEquals("not-allowed", vera.exchange(new JsonObject().put("type", "mute").put("kind", "audio").put("muted", true), "error").getString("code"));
        }
    }

    @Test
    void publishedTracksReachEveryoneElseAndSubscribeAcceptsOnlyListedTracks() throws Exception {
        try (WsTestClient alice = join("council", Role.MINISTER, "Alice")) {
            String aliceId = alice.next("welcome").getString("participantId");
            alice.next("tracks");
            // Vera connects once Alice is in: joins complete asynchronously, and a Vera who got in
            // first would be told that Alice joined before the track lists this test is about
            try (WsTestClient vera = join("council", Role.VIEWER, "Vera")) {
                String veraId = vera.next("welcome").getString("participantId");
                vera.next("tracks");

                EndpointDouble aliceEndpoint = server.media.endpointOf(aliceId);
                aliceEndpoint.publishTrack("a-audio", MediaKind.AUDIO);
                aliceEndpoint.publishTrack("a-video", MediaKind.VIDEO);
                JsonArray first = vera.next("tracks").getJsonArray("tracks");
                assertEquals(new JsonObject().put("trackId", "a-audio").put("participantId", aliceId).put("kind", "audio"), first.getJsonObject(0));
                JsonArray both = vera.next("tracks").getJsonArray("tracks");
                assertEquals(2, both.size());
                assertEquals("video", both.getJsonObject(1).getString("kind"));

                JsonObject answer = vera.exchange(new JsonObject().put("type", "subscribe").put("id", 1).put("sdp", "v=0 sub")
                        .put("mids", new JsonObject().put("0", "a-audio").put("1", "a-video").put("2", "forged")), "subscribeAnswer");
                assertEquals("answer-to:v=0 sub", answer.getString("sdp"));
                assertEquals(Map.of("0", "a-audio", "1", "a-video"), server.media.endpointOf(veraId).subscribeCalls.get(0).midToTrackId());

                // Alice never receives her own tracks: her list did not change, so she got no message.
                assertEquals("pong", alice.exchange(new JsonObject().put("type", "ping"), "pong").getString("type"));

                alice.send(new JsonObject().put("type", "leave"));
                assertEquals(aliceId, vera.next("participantLeft").getString("participantId"));
                assertEquals(new JsonArray(), vera.next("tracks").getJsonArray("tracks"));
            }
        }
    }

    @Test
    void anExpiredMediaEndpointEndsThatSession() throws Exception {
        try (WsTestClient alice = join("council", Role.MINISTER, "Alice");
             WsTestClient bob = join("council", Role.MINISTER, "Bob")) {
            String aliceId = alice.next("welcome").getString("participantId");
            alice.next("tracks");
            alice.next("participantJoined");
            bob.next("welcome");
            bob.next("tracks");
            server.media.conferenceOf(server.media.endpointOf(aliceId).id()).listener.onEndpointExpired(server.media.endpointOf(aliceId).id(), "ICE consent lost");
            JsonObject error = alice.next("error");
            assertEquals("media-expired", error.getString("code"));
            assertEquals(Short.valueOf(Session.CLOSE_BY_SERVER), alice.awaitClose());
            JsonObject left = bob.next("participantLeft");
            assertEquals(aliceId, left.getString("participantId"));
            assertEquals("media-expired", left.getString("reason"));
        }
    }
}
