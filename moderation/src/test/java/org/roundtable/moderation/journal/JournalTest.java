package org.roundtable.moderation.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.HandLowered;
import org.roundtable.moderation.event.Event.HandRaised;
import org.roundtable.moderation.event.Event.ParticipantJoined;
import org.roundtable.moderation.model.Role;

/** Appending, reading back, and surviving a crash mid-write. */
class JournalTest {
    private static final Instant T = Instant.parse("2026-11-27T09:00:00Z");
    private final EventCodec codec = new EventCodec();

    @TempDir
    Path dir;

    private static List<Event> events(int count) {
        List<Event> events = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            events.add(new HandRaised(T.plusSeconds(k), "p" + k));
        }
        return events;
    }

    @Test
    void appendedEventsAreReadBackInOrder() throws IOException {
        Path file = dir.resolve("nested/room.jsonl");
        try (Journal journal = Journal.open(file, codec)) {
            assertEquals(List.of(), journal.history());
            journal.append(events(2));
            journal.append(List.of(new ParticipantJoined(T, "z", "Zoë", Role.VIEWER, false)));
        }
        assertEquals(3, Files.readAllLines(file).size());
        try (Journal journal = Journal.open(file, codec)) {
            List<Event> expected = new ArrayList<>(events(2));
            expected.add(new ParticipantJoined(T, "z", "Zoë", Role.VIEWER, false));
            assertEquals(expected, journal.history());
            assertEquals(new ReplayReport(3, 0, 0), journal.report());
        }
    }

    @Test
    void tornLastLineIsCutOffAndLaterAppendsStartClean() throws IOException {
        Path file = dir.resolve("room.jsonl");
        try (Journal journal = Journal.open(file, codec)) {
            journal.append(events(3));
        }
        String torn = "{\"type\":\"HandLowered\",\"at\":\"2026-11-27T09:0";
        Files.writeString(file, torn, StandardOpenOption.APPEND);

        try (Journal journal = Journal.open(file, codec)) {
            assertEquals(events(3), journal.history());
            assertEquals(new ReplayReport(3, 0, torn.length()), journal.report());
            journal.append(List.of(new HandLowered(T, "p0", "mod")));
        }
        try (Journal journal = Journal.open(file, codec)) {
            List<Event> expected = new ArrayList<>(events(3));
            expected.add(new HandLowered(T, "p0", "mod"));
            assertEquals(expected, journal.history());
            assertTrue(journal.report().clean());
        }
    }

    @Test
    void fileHoldingOnlyATornLineIsEmpty() throws IOException {
        Path file = dir.resolve("room.jsonl");
        Files.writeString(file, "{\"type\":");
        try (Journal journal = Journal.open(file, codec)) {
            assertEquals(List.of(), journal.history());
            assertEquals(8, journal.report().tornBytes());
            journal.append(events(1));
        }
        assertEquals(codec.encode(events(1).get(0)) + "\n", Files.readString(file));
    }

    @Test
    void damagedCompleteLinesAreSkippedAndCounted() throws IOException {
        Path file = dir.resolve("room.jsonl");
        List<Event> written = events(2);
        String content = codec.encode(written.get(0)) + "\n" + "garbage\n" + "\n" + codec.encode(written.get(1)) + "\n"
                + "{\"type\":\"Unknown\",\"at\":\"2026-11-27T09:00:00Z\"}\n";
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        try (Journal journal = Journal.open(file, codec)) {
            assertEquals(written, journal.history());
            assertEquals(new ReplayReport(2, 2, 0), journal.report());
        }
        assertEquals(content, Files.readString(file), "complete lines are evidence: never rewritten");
    }

    @Test
    void storeNamesFilesAfterRoomsAndRefusesPaths() throws IOException {
        JournalStore store = new JournalStore(dir);
        assertEquals(dir.resolve("roundtables/council-2026.11_a.jsonl"), store.pathOf("council-2026.11_a"));
        for (String bad : new String[] {"../etc", "a/b", ".hidden", "", "a b", "x".repeat(129), null}) {
            assertTrue(!JournalStore.isValidRoom(bad), String.valueOf(bad));
        }
        assertEquals(List.of(), store.rooms());
        store.open("b").close();
        store.open("a").close();
        assertEquals(List.of("a", "b"), store.rooms());
    }
}
