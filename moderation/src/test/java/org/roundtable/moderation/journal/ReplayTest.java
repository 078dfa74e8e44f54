package org.roundtable.moderation.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.roundtable.moderation.model.Medium.AUDIO;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;
import static org.roundtable.moderation.model.Role.VIEWER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.moderation.ManualClock;
import org.roundtable.moderation.Outcome;
import org.roundtable.moderation.Roundtable;
import org.roundtable.moderation.RoundtableSnapshot;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.*;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.record.OfficialRecord;

/** A restarted roundtable is the one that stopped: roles, queue, floor, lobby, bans, record, timer. */
class ReplayTest {
    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock();

    private static void accept(Roundtable roundtable, String sender, Command command) {
        assertInstanceOf(Outcome.Accepted.class, roundtable.handle(sender, command), sender + " " + command);
    }

    /** A busy roundtable: every kind of state is non-trivial. */
    private void play(Roundtable r) {
        accept(r, "mod", new Join("Moderator", MODERATOR));
        accept(r, "ann", new Join("Ann", MINISTER));
        accept(r, "bob", new Join("Bob", MINISTER));
        accept(r, "cat", new Join("Cat", MINISTER));
        accept(r, "vic", new Join("Vic", VIEWER));
        accept(r, "eve", new Join("Eve", VIEWER));
        accept(r, "mod", new ChangeSettings(Settings.defaults().withLobby(true, false)));
        accept(r, "dan", new Join("Dan", MINISTER));
        accept(r, "mod", new ChangeRole("vic", MINISTER));
        accept(r, "mod", new RemoveParticipant("eve", true));
        accept(r, "ann", new RaiseHand());
        accept(r, "bob", new RaiseHand());
        accept(r, "mod", new GrantFloor(null, null));
        clock.advance(Duration.ofSeconds(90));
        accept(r, "mod", new PassFloor());
        clock.advance(Duration.ofMinutes(4));
        r.tick();
        accept(r, "cat", new RaiseHand());
        accept(r, "vic", new RaiseHand());
        accept(r, "mod", new MoveToHead("vic"));
        accept(r, "mod", new ForceMute("cat", AUDIO));
        accept(r, "ann", new Disconnect());
    }

    @Test
    void restartRebuildsEverything() throws IOException {
        RoundtableSnapshot before;
        OfficialRecord recordBefore;
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), Settings.defaults(), clock)) {
            Roundtable r = registry.open("council");
            play(r);
            before = r.snapshot();
            recordBefore = r.record();
        }
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), Settings.defaults(), clock)) {
            Roundtable r = registry.open("council");
            assertEquals(before, r.snapshot());
            assertEquals(recordBefore, r.record());
            assertEquals(clock.instant().plus(Duration.ofSeconds(50)), r.nextDeadline().orElseThrow(),
                    "the one-minute warning was journaled, so the next is the ten-second one");
            assertEquals(new ReplayReport(Files.readAllLines(dataDir.resolve("roundtables/council.jsonl")).size(), 0, 0),
                    registry.replayReport("council").orElseThrow());
            accept(r, "ann", new Reconnect());
            accept(r, "mod", new Admit("dan"));
        }
    }

    @Test
    void restartAfterATornLastLineKeepsWorking() throws IOException {
        RoundtableSnapshot before;
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), Settings.defaults(), clock)) {
            Roundtable r = registry.open("council");
            play(r);
            before = r.snapshot();
        }
        Path file = dataDir.resolve("roundtables/council.jsonl");
        Files.writeString(file, "{\"type\":\"RoundtableEnded\",\"at\":\"2026-11-2", StandardOpenOption.APPEND);
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), Settings.defaults(), clock)) {
            Roundtable r = registry.open("council");
            assertEquals(before, r.snapshot());
            assertNotEquals(0L, registry.replayReport("council").orElseThrow().tornBytes());
            accept(r, "mod", new EndRoundtable());
        }
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), Settings.defaults(), clock)) {
            Roundtable r = registry.open("council");
            assertEquals(true, r.snapshot().ended());
            assertEquals(true, registry.replayReport("council").orElseThrow().clean());
        }
    }

    @Test
    void newRoomJournalsItsOpeningSettings() throws IOException {
        Settings custom = Settings.defaults().withLocked(true);
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), custom, clock)) {
            registry.open("council");
        }
        try (RoundtableRegistry registry = new RoundtableRegistry(new JournalStore(dataDir), Settings.defaults(), clock)) {
            assertEquals(custom, registry.open("council").snapshot().settings(), "journaled settings win over defaults");
        }
    }
}
