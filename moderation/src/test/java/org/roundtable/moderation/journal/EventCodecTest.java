package org.roundtable.moderation.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.*;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.ExpiryPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;

/** Every event survives a trip through one JSON line. */
class EventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-27T09:15:30.250Z");
    private static final List<Event> ONE_OF_EACH = List.of(
            new RoundtableOpened(AT, "council", Settings.defaults()),
            new ParticipantJoined(AT, "ann-1x", "Ann \"the\" Minister, é", Role.MINISTER, true),
            new ParticipantAdmitted(AT, "ann-1x", "mod"),
            new ParticipantDenied(AT, "ann-1x", "mod"),
            new ParticipantLeft(AT, "ann-1x"),
            new ParticipantDisconnected(AT, "ann-1x"),
            new ParticipantReconnected(AT, "ann-1x"),
            new ParticipantRemoved(AT, "ann-1x", "mod", true),
            new RoleChanged(AT, "vic", Role.VIEWER, Role.MINISTER, "mod"),
            new HandRaised(AT, "ann-1x"),
            new HandLowered(AT, "ann-1x", "mod"),
            new QueueReordered(AT, List.of("b", "a"), "mod"),
            new FloorGranted(AT, 3, "ann-1x", "mod", Duration.ofSeconds(90), List.of(Duration.ofSeconds(10))),
            new FloorEnded(AT, 3, "ann-1x", FloorEndReason.EXPIRED, Event.SYSTEM),
            new TimeWarning(AT, 3, "ann-1x", Duration.ofSeconds(10)),
            new TimeExpired(AT, 3, "ann-1x", ExpiryPolicy.MUTE_AND_NEXT),
            new MediaChanged(AT, "ann-1x", Medium.AUDIO, false, Event.SYSTEM),
            new MuteRequested(AT, "ann-1x", Medium.VIDEO, "mod"),
            new ForceMuteSet(AT, "ann-1x", Medium.AUDIO, "mod"),
            new ForceMuteLifted(AT, "ann-1x", Medium.AUDIO, "mod"),
            new SettingsChanged(AT, Settings.defaults().withLocked(true), "mod"),
            new RoundtableEnded(AT, "mod"));

    private final EventCodec codec = new EventCodec();

    @Test
    void everyEventTypeRoundTrips() throws IOException {
        for (Event event : ONE_OF_EACH) {
            String line = codec.encode(event);
            assertEquals(-1, line.indexOf('\n'), line);
            assertEquals(event, codec.decode(line), line);
        }
        Set<Class<?>> covered = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(Event.class.getPermittedSubclasses()), covered);
    }

    @Test
    void lineFormatIsReadable() {
        assertEquals("{\"type\":\"TimeWarning\",\"at\":\"2026-11-27T09:15:30.250Z\",\"intervention\":3,"
                + "\"participantId\":\"ann-1x\",\"remaining\":\"PT10S\"}",
                codec.encode(new TimeWarning(AT, 3, "ann-1x", Duration.ofSeconds(10))));
    }

    @Test
    void damagedLinesAreRefused() {
        for (String bad : Arrays.asList("", "{", "{\"type\":\"NoSuchEvent\",\"at\":\"2026-11-27T09:15:30Z\"}",
                "{\"type\":\"HandRaised\",\"at\":\"yesterday\",\"participantId\":\"a\"}",
                "{\"type\":\"HandRaised\",\"participantId\":\"a\"}",
                "{\"type\":\"HandRaised\",\"at\":\"2026-11-27T09:15:30Z\"}", "null", "[1,2]")) {
            assertThrows(IOException.class, () -> codec.decode(bad), bad);
        }
    }
}
