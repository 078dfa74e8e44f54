package org.roundtable.signaling.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.model.AudioPolicy;
import org.roundtable.moderation.model.ExpiryPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.protocol.RequestException;

/**
 * Moderation commands from JSON, the same for the WebSocket ({@code {"type": "grantFloor", ...}})
 * and the HTTP API ({@code POST /api/roundtables/{room}/grantFloor} with the fields as body).
 * Pure: field checks only; the domain checks roles and state.
 */
public final class CommandParser {

    /** A parsed command; settings changes are patches, completed with the roundtable's current settings. */
    @FunctionalInterface
    public interface Parsed {
        Command build(Settings current);
    }

    private static final Map<String, Function<JsonObject, Parsed>> PARSERS = Map.ofEntries(
            Map.entry("raiseHand", b -> s -> new Command.RaiseHand()),
            Map.entry("lowerHand", b -> s -> new Command.LowerHand()),
            Map.entry("removeFromQueue", b -> fixed(new Command.RemoveFromQueue(target(b)))),
            Map.entry("moveInQueue", b -> fixed(new Command.MoveInQueue(target(b), direction(b)))),
            Map.entry("moveToHead", b -> fixed(new Command.MoveToHead(target(b)))),
            Map.entry("grantFloor", b -> fixed(new Command.GrantFloor(optionalString(b, "participantId"),
                    optionalSeconds(b, "allottedSeconds")))),
            Map.entry("revokeFloor", b -> s -> new Command.RevokeFloor()),
            Map.entry("passFloor", b -> s -> new Command.PassFloor()),
            Map.entry("yieldFloor", b -> s -> new Command.YieldFloor()),
            Map.entry("changeRole", b -> fixed(new Command.ChangeRole(target(b), role(b)))),
            Map.entry("requestMute", b -> allOrOne(b, Command.RequestMuteAllMinisters::new, Command.RequestMute::new)),
            Map.entry("forceMute", b -> allOrOne(b, Command.ForceMuteAllMinisters::new, Command.ForceMute::new)),
            Map.entry("liftForceMute", b -> allOrOne(b, Command.LiftForceMuteAllMinisters::new, Command.LiftForceMute::new)),
            Map.entry("admit", b -> fixed(new Command.Admit(target(b)))),
            Map.entry("deny", b -> fixed(new Command.Deny(target(b)))),
            Map.entry("removeParticipant", b -> fixed(new Command.RemoveParticipant(target(b),
                    optionalBoolean(b, "ban", false)))),
            Map.entry("setLocked", b -> fixed(new Command.SetLocked(requiredBoolean(b, "locked")))),
            Map.entry("changeSettings", CommandParser::settingsPatch),
            Map.entry("endRoundtable", b -> s -> new Command.EndRoundtable()));

    /** Every moderation message type, the WebSocket handlers' and the HTTP API's. */
    public static final Set<String> TYPES = PARSERS.keySet();

    private CommandParser() {
    }

    public static boolean knows(String type) {
        return PARSERS.containsKey(type);
    }

    /** @throws RequestException {@code unknown-type}, {@code missing-field} or {@code bad-field} */
    public static Parsed parse(String type, JsonObject body) {
        Function<JsonObject, Parsed> parser = PARSERS.get(type);
        if (parser == null) {
            throw new RequestException(ErrorCode.UNKNOWN_TYPE, "unknown command '" + type + "'");
        }
        return parser.apply(body == null ? new JsonObject() : body);
    }

    /** {@code mute {kind, muted}}: the participant's own microphone or camera. */
    public static Command.SetMedia ownMedia(JsonObject body) {
        return new Command.SetMedia(medium(body), !requiredBoolean(body, "muted"));
    }

    private static Parsed fixed(Command command) {
        return s -> command;
    }

    private interface OneCommand {
        Command of(String target, Medium medium);
    }

    /** {@code {"kind": "audio", "participantId": "p1"}} or {@code {"kind": "audio", "allMinisters": true}}. */
    private static Parsed allOrOne(JsonObject b, Function<Medium, Command> all, OneCommand one) {
        Medium medium = medium(b);
        if (optionalBoolean(b, "allMinisters", false)) {
            return fixed(all.apply(medium));
        }
        return fixed(one.of(target(b), medium));
    }

    private static Parsed settingsPatch(JsonObject b) {
        AudioPolicy audio = optionalEnum(b, "audioPolicy", AudioPolicy.class);
        ExpiryPolicy expiry = optionalEnum(b, "expiryPolicy", ExpiryPolicy.class);
        Duration allotted = optionalSeconds(b, "defaultAllottedSeconds");
        List<Duration> warnings = optionalSecondsList(b, "warningsBeforeEndSeconds");
        Boolean lobbyMinisters = optionalBooleanOrNull(b, "lobbyForMinisters");
        Boolean lobbyViewers = optionalBooleanOrNull(b, "lobbyForViewers");
        Boolean locked = optionalBooleanOrNull(b, "locked");
        return current -> {
            try {
                return new Command.ChangeSettings(new Settings(
                        allotted != null ? allotted : current.defaultAllotted(),
                        warnings != null ? warnings : current.warningsBeforeEnd(),
                        expiry != null ? expiry : current.expiryPolicy(),
                        audio != null ? audio : current.audioPolicy(),
                        lobbyMinisters != null ? lobbyMinisters : current.lobbyForMinisters(),
                        lobbyViewers != null ? lobbyViewers : current.lobbyForViewers(),
                        locked != null ? locked : current.locked()));
            } catch (IllegalArgumentException e) {
                throw new RequestException(ErrorCode.BAD_FIELD, e.getMessage());
            }
        };
    }

    private static String target(JsonObject b) {
        String id = optionalString(b, "participantId");
        if (id == null) {
            throw new RequestException(ErrorCode.MISSING_FIELD, "'participantId' is required");
        }
        return id;
    }

    private static final Map<String, Command.Direction> DIRECTIONS = Map.of("up", Command.Direction.UP, "down", Command.Direction.DOWN);
    /** "moderator" parses, so that the domain refuses it with its own reason (invalid-role-change). */
    private static final Map<String, Role> ROLES = Map.of("minister", Role.MINISTER, "viewer", Role.VIEWER, "moderator", Role.MODERATOR);
    private static final Map<String, Medium> MEDIA = Map.of("audio", Medium.AUDIO, "video", Medium.VIDEO);

    private static Command.Direction direction(JsonObject b) {
        return requiredWord(b, "direction", DIRECTIONS, "\"up\" or \"down\"");
    }

    private static Role role(JsonObject b) {
        return requiredWord(b, "role", ROLES, "\"minister\" or \"viewer\"");
    }

    private static Medium medium(JsonObject b) {
        return requiredWord(b, "kind", MEDIA, "\"audio\" or \"video\"");
    }

    /** A required field whose value is one of the keys of {@code words}. */
    private static <T> T requiredWord(JsonObject b, String field, Map<String, T> words, String expected) {
        Object v = b.getValue(field);
        if (v == null) {
            throw new RequestException(ErrorCode.MISSING_FIELD, "'" + field + "' is required");
        }
        T value = words.get(String.valueOf(v));
        if (value == null) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be " + expected);
        }
        return value;
    }

    private static String optionalString(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || s.isEmpty() || s.length() > 128) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be a non-empty string");
        }
        return s;
    }

    private static boolean requiredBoolean(JsonObject b, String field) {
        Boolean v = optionalBooleanOrNull(b, field);
        if (v == null) {
            throw new RequestException(ErrorCode.MISSING_FIELD, "'" + field + "' is required");
        }
        return v;
    }

    private static boolean optionalBoolean(JsonObject b, String field, boolean fallback) {
        Boolean v = optionalBooleanOrNull(b, field);
        return v == null ? fallback : v;
    }

    private static Boolean optionalBooleanOrNull(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean bool)) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be true or false");
        }
        return bool;
    }

    private static Duration optionalSeconds(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v == null) {
            return null;
        }
        return seconds(v, field);
    }

    private static Duration seconds(Object v, String field) {
        if (!(v instanceof Number n) || !(n.doubleValue() > 0) || n.doubleValue() > 12 * 3600) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be a number of seconds in (0, 43200]");
        }
        return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }

    private static List<Duration> optionalSecondsList(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray array) || array.size() > 10) {
            throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' must be a list of at most 10 numbers of seconds");
        }
        List<Duration> list = new ArrayList<>();
        for (Object item : array) {
            list.add(seconds(item, field));
        }
        return list;
    }

    private static <E extends Enum<E>> E optionalEnum(JsonObject b, String field, Class<E> type) {
        Object v = b.getValue(field);
        if (v == null) {
            return null;
        }
        String wire = String.valueOf(v);
        for (E e : type.getEnumConstants()) {
            if (ModerationJson.wire(e).equals(wire)) {
                return e;
            }
        }
        throw new RequestException(ErrorCode.BAD_FIELD, "'" + field + "' is not one of the allowed values");
    }
}
