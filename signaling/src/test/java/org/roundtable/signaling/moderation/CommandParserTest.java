package org.roundtable.signaling.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.model.AudioPolicy;
import org.roundtable.moderation.model.ExpiryPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;
import org.roundtable.signaling.protocol.RequestException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandParserTest {

    private static Command parse(String type, JsonObject body) {
        return CommandParser.parse(type, body).build(Settings.defaults());
    }

    private static String refusal(String type, JsonObject body) {
        return assertThrows(RequestException.class, () -> parse(type, body)).code();
    }

    @Test
    void commandsCarryTheirFields() {
        assertEquals(new Command.GrantFloor(null, null), parse("grantFloor", new JsonObject()));
        assertEquals(new Command.GrantFloor("p1", Duration.ofMillis(90_500)),
                parse("grantFloor", new JsonObject().put("participantId", "p1").put("allottedSeconds", 90.5)));
        assertEquals(new Command.MoveInQueue("p1", Command.Direction.DOWN),
                parse("moveInQueue", new JsonObject().put("participantId", "p1").put("direction", "down")));
        assertEquals(new Command.ChangeRole("p1", Role.VIEWER), parse("changeRole", new JsonObject().put("participantId", "p1").put("role", "viewer")));
        assertEquals(new Command.ForceMute("p1", Medium.VIDEO), parse("forceMute", new JsonObject().put("participantId", "p1").put("kind", "video")));
        assertEquals(new Command.ForceMuteAllMinisters(Medium.AUDIO), parse("forceMute", new JsonObject().put("allMinisters", true).put("kind", "audio")));
        assertEquals(new Command.RemoveParticipant("p1", false), parse("removeParticipant", new JsonObject().put("participantId", "p1")));
        assertEquals(new Command.SetMedia(Medium.AUDIO, false), CommandParser.ownMedia(new JsonObject().put("kind", "audio").put("muted", true)));
    }

    @Test
    void settingsChangesArePatchesOfTheCurrentSettings() {
        Command change = parse("changeSettings", new JsonObject().put("audioPolicy", "floor")
                .put("expiryPolicy", "mute-and-next").put("warningsBeforeEndSeconds", new JsonArray().add(30)));
        Settings expected = new Settings(Duration.ofMinutes(5), List.of(Duration.ofSeconds(30)), ExpiryPolicy.MUTE_AND_NEXT,
                AudioPolicy.FLOOR, false, false, false);
        assertEquals(new Command.ChangeSettings(expected), change);
    }

    @Test
    void malformedFieldsAreRefusedBeforeTheDomainSeesThem() {
        assertEquals("missing-field", refusal("admit", new JsonObject()));
        assertEquals("bad-field", refusal("admit", new JsonObject().put("participantId", 7)));
        assertEquals("bad-field", refusal("moveInQueue", new JsonObject().put("participantId", "p").put("direction", "sideways")));
        assertEquals("bad-field", refusal("grantFloor", new JsonObject().put("allottedSeconds", 0)));
        assertEquals("bad-field", refusal("grantFloor", new JsonObject().put("allottedSeconds", "60")));
        assertEquals("bad-field", refusal("changeSettings", new JsonObject().put("audioPolicy", "loud")));
        assertEquals("missing-field", refusal("setLocked", new JsonObject()));
        assertEquals("unknown-type", refusal("teleport", new JsonObject()));
    }
}
