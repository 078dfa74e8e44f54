package org.roundtable.signaling.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.roundtable.moderation.RoundtableSnapshot;
import org.roundtable.moderation.RoundtableSnapshot.FloorView;
import org.roundtable.moderation.RoundtableSnapshot.ParticipantView;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.journal.EventCodec;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Settings;

/** The JSON clients see of the moderation domain: state snapshots, events, refusal codes. Pure, thread-safe. */
public final class ModerationJson {

    private static final EventCodec CODEC = new EventCodec();

    private ModerationJson() {
    }

    /** {@code MUTE_AND_NEXT} → {@code mute-and-next}: enum values as the protocol writes them. */
    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A domain refusal as an {@code error} code; {@code NOT_PERMITTED} is the protocol's {@code not-allowed}. */
    public static String errorCode(ErrorCode code) {
        return code == ErrorCode.NOT_PERMITTED ? org.roundtable.signaling.message.ErrorCode.NOT_ALLOWED : wire(code);
    }

    /** Events in the journal's own format ({@code docs/moderation.md}). */
    public static JsonArray events(List<Event> events) {
        JsonArray array = new JsonArray();
        events.forEach(e -> array.add(new JsonObject(CODEC.encode(e))));
        return array;
    }

    /** The whole state, every participant included: what moderators see. */
    public static JsonObject snapshot(RoundtableSnapshot s) {
        return snapshot(s, true, null);
    }

    /**
     * The state as a minister or viewer sees it: viewers are left out of {@code participants}
     * (only {@code viewers}, their count, is given), except {@code selfId}'s own entry. With
     * thousands of viewers, every join would otherwise send every participant the whole audience.
     */
    public static JsonObject audienceSnapshot(RoundtableSnapshot s, String selfId) {
        return snapshot(s, false, selfId);
    }

    /** {@code everyViewer}: list all viewers; otherwise only {@code selfId} (may be null) among them. */
    private static JsonObject snapshot(RoundtableSnapshot s, boolean everyViewer, String selfId) {
        JsonArray people = new JsonArray();
        int viewers = 0;
        for (ParticipantView p : s.participants()) {
            boolean viewer = p.role() == org.roundtable.moderation.model.Role.VIEWER;
            if (viewer && p.presence() == org.roundtable.moderation.state.Presence.CONNECTED) {
                viewers++;
            }
            if (everyViewer || !viewer || p.id().equals(selfId)) {
                people.add(participant(p, s.queue()));
            }
        }
        return new JsonObject()
                .put("room", s.room())
                .put("at", s.at().toString())
                .put("ended", s.ended())
                .put("settings", settings(s.settings()))
                .put("participants", people)
                .put("viewers", viewers)
                .put("queue", new JsonArray(List.copyOf(s.queue())))
                .put("floor", s.floor() == null ? null : floor(s.floor()))
                .put("banned", new JsonArray(s.banned().stream().sorted().toList()));
    }

    public static JsonObject settings(Settings s) {
        JsonArray warnings = new JsonArray();
        s.warningsBeforeEnd().forEach(w -> warnings.add(seconds(w)));
        return new JsonObject()
                .put("defaultAllottedSeconds", seconds(s.defaultAllotted()))
                .put("warningsBeforeEndSeconds", warnings)
                .put("expiryPolicy", wire(s.expiryPolicy()))
                .put("audioPolicy", wire(s.audioPolicy()))
                .put("lobbyForMinisters", s.lobbyForMinisters())
                .put("lobbyForViewers", s.lobbyForViewers())
                .put("locked", s.locked());
    }

    private static JsonObject participant(ParticipantView p, List<String> queue) {
        int place = queue.indexOf(p.id());
        return new JsonObject()
                .put("participantId", p.id())
                .put("name", p.displayName())
                .put("role", wire(p.role()))
                .put("presence", wire(p.presence()))
                .put("audioOn", p.audioOn())
                .put("videoOn", p.videoOn())
                .put("forceMuted", new JsonObject()
                        .put("audio", p.forceMuted().contains(Medium.AUDIO))
                        .put("video", p.forceMuted().contains(Medium.VIDEO)))
                .put("forwarded", new JsonObject()
                        .put("audio", p.forwarding().audio())
                        .put("video", p.forwarding().video()))
                .put("queuePosition", place < 0 ? null : place + 1);
    }

    private static JsonObject floor(FloorView f) {
        return new JsonObject()
                .put("intervention", f.intervention())
                .put("participantId", f.participantId())
                .put("grantedBy", f.grantedBy())
                .put("start", f.start().toString())
                .put("allottedSeconds", seconds(f.allotted()))
                .put("deadline", f.deadline().toString())
                .put("remainingSeconds", seconds(f.remaining()))
                .put("expired", f.expired());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
