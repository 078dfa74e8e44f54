package org.roundtable.signaling.message;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.roundtable.sfu.api.TrackInfo;

/** Builders of every server-to-client message; the one place their JSON shape is written. */
public final class ServerMessages {

    private ServerMessages() {
    }

    /** A participant as clients see it. */
    public record ParticipantView(String participantId, String name, String role, boolean audioMuted, boolean videoMuted) {
        public JsonObject toJson() {
            return new JsonObject()
                    .put("participantId", participantId)
                    .put("name", name)
                    .put("role", role)
                    .put("audioMuted", audioMuted)
                    .put("videoMuted", videoMuted);
        }
    }

    /**
     * @param presence   {@code connected}, or {@code lobby} while waiting for a moderator
     * @param roundtable the moderation state (see {@link #roundtable})
     */
    public static JsonObject welcome(ParticipantView self, String room, Collection<ParticipantView> everyone,
                                     String presence, JsonObject roundtable) {
        JsonArray list = new JsonArray();
        everyone.forEach(p -> list.add(p.toJson()));
        return new JsonObject()
                .put("type", "welcome")
                .put("participantId", self.participantId())
                .put("name", self.name())
                .put("role", self.role())
                .put("room", room)
                .put("presence", presence)
                .put("participants", list)
                .put("roundtable", roundtable);
    }

    /** The moderation events of one step and the roundtable's state right after them. */
    public static JsonObject roundtable(JsonArray events, JsonObject state) {
        return new JsonObject().put("type", "roundtable").put("events", events).put("state", state);
    }

    /** A moderation command was accepted (its effects were broadcast just before). */
    public static JsonObject ok() {
        return new JsonObject().put("type", "ok");
    }

    /** The participant was promoted: its media is accepted now, the client should publish. */
    public static JsonObject startPublishing() {
        return new JsonObject().put("type", "startPublishing");
    }

    public static JsonObject participantJoined(ParticipantView p) {
        return new JsonObject().put("type", "participantJoined").put("participant", p.toJson());
    }

    public static JsonObject participantUpdated(ParticipantView p) {
        return new JsonObject().put("type", "participantUpdated").put("participant", p.toJson());
    }

    public static JsonObject participantLeft(String participantId, String reason) {
        return new JsonObject().put("type", "participantLeft").put("participantId", participantId).put("reason", reason);
    }

    /** @param ownerOf the participant publishing a track (media endpoint ids are per session) */
    public static JsonObject tracks(List<TrackInfo> tracks, Function<TrackInfo, String> ownerOf) {
        JsonArray list = new JsonArray();
        for (TrackInfo t : tracks) {
            list.add(new JsonObject()
                    .put("trackId", t.trackId())
                    .put("participantId", ownerOf.apply(t))
                    .put("kind", t.kind().sdpName()));
        }
        return new JsonObject().put("type", "tracks").put("tracks", list);
    }

    public static JsonObject publishAnswer(String sdp) {
        return new JsonObject().put("type", "publishAnswer").put("sdp", sdp);
    }

    public static JsonObject subscribeAnswer(String sdp) {
        return new JsonObject().put("type", "subscribeAnswer").put("sdp", sdp);
    }

    public static JsonObject pong() {
        return new JsonObject().put("type", "pong");
    }

    public static JsonObject error(String code, String message) {
        return new JsonObject().put("type", "error").put("code", code).put("message", message);
    }
}
