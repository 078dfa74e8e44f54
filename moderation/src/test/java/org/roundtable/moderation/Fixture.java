package org.roundtable.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.event.Event;

/** A roundtable on a manual clock whose journal is a list. Confined to the test thread. */
public final class Fixture {
    public final ManualClock clock = new ManualClock();
    public final List<Event> journal = new ArrayList<>();
    public final Roundtable roundtable;

    public Fixture() {
        this(Settings.defaults());
    }

    public Fixture(Settings settings) {
        try {
            roundtable = Roundtable.open("council", settings, clock, journal::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Fixture join(String id, Role role) {
        accept(id, new Command.Join(name(id), role));
        return this;
    }

    public static String name(String id) {
        return "Name of " + id;
    }

    /** Sends a command that must be accepted; returns its events. */
    public List<Event> accept(String sender, Command command) {
        Outcome outcome = roundtable.handle(sender, command);
        assertInstanceOf(Outcome.Accepted.class, outcome, () -> sender + " " + command + " -> " + outcome);
        return outcome.events();
    }

    /** Sends a command that must be refused with this code, and checks it changed nothing. */
    public Outcome.Rejected refuse(String sender, Command command, ErrorCode code) {
        RoundtableSnapshot before = roundtable.snapshot();
        int journaled = journal.size();
        Outcome outcome = roundtable.handle(sender, command);
        Outcome.Rejected rejected = assertInstanceOf(Outcome.Rejected.class, outcome,
                () -> sender + " " + command + " -> " + outcome);
        assertEquals(code, rejected.code(), rejected::message);
        assertEquals(before, roundtable.snapshot(), "a refused command changes nothing");
        assertEquals(journaled, journal.size(), "a refused command journals nothing");
        return rejected;
    }

    public java.time.Instant now() {
        return clock.instant();
    }
}
