package org.roundtable.moderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.GrantFloor;
import org.roundtable.moderation.command.Command.PassFloor;
import org.roundtable.moderation.command.Command.RevokeFloor;
import org.roundtable.moderation.command.Command.YieldFloor;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.FloorEnded;
import org.roundtable.moderation.event.Event.FloorGranted;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.state.Intervention;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.RoundtableState;

/** Granting, revoking, passing and yielding the floor. Stateless. */
final class FloorRules {

    private FloorRules() {
    }

    /** Events for a floor command, or null if the command is not about the floor. */
    static List<Event> decide(RoundtableState state, String sender, Command command, Instant now) throws Refusal {
        if (command instanceof GrantFloor c) {
            return grant(state, sender, c, now);
        }
        if (command instanceof RevokeFloor) {
            Intervention current = current(state);
            return List.of(ended(current, FloorEndReason.REVOKED, sender, now));
        }
        if (command instanceof PassFloor) {
            Intervention current = current(state);
            String next = state.nextSpeaker().orElseThrow(
                    () -> new Refusal(ErrorCode.QUEUE_EMPTY, "nobody connected is waiting in the queue"));
            return List.of(ended(current, FloorEndReason.PASSED, sender, now),
                    granted(state, next, sender, state.settings().defaultAllotted(), now));
        }
        if (command instanceof YieldFloor) {
            Intervention current = current(state);
            if (!current.participantId().equals(sender)) {
                throw new Refusal(ErrorCode.NOT_FLOOR_HOLDER, "only the floor holder can yield it");
            }
            return List.of(ended(current, FloorEndReason.YIELDED, sender, now));
        }
        return null;
    }

    private static List<Event> grant(RoundtableState state, String sender, GrantFloor c, Instant now)
            throws Refusal {
        Duration allotted = Checks.allotted(c.allotted(), state.settings().defaultAllotted());
        String target = c.target();
        if (target == null) {
            target = state.nextSpeaker().orElseThrow(
                    () -> new Refusal(ErrorCode.QUEUE_EMPTY, "nobody connected is waiting in the queue"));
        }
        ParticipantState p = Checks.speaker(Checks.connectedMember(state, target));
        Optional<Intervention> current = state.currentIntervention();
        if (current.isPresent() && current.get().participantId().equals(p.id())) {
            throw new Refusal(ErrorCode.ALREADY_HOLDS_FLOOR, "'" + p.id() + "' already holds the floor");
        }
        List<Event> events = new ArrayList<>(2);
        current.ifPresent(i -> events.add(ended(i, FloorEndReason.PASSED, sender, now)));
        events.add(granted(state, p.id(), sender, allotted, now));
        return events;
    }

    private static Intervention current(RoundtableState state) throws Refusal {
        return state.currentIntervention().orElseThrow(
                () -> new Refusal(ErrorCode.FLOOR_NOT_HELD, "nobody holds the floor"));
    }

    /** A new intervention, numbered after the last one, with the warnings that fit in its time. */
    static FloorGranted granted(RoundtableState state, String participantId, String by, Duration allotted,
                                Instant now) {
        List<Duration> warnings = state.settings().warningsBeforeEnd().stream()
                .filter(w -> w.compareTo(allotted) < 0).toList();
        return new FloorGranted(now, state.interventions().size() + 1, participantId, by, allotted, warnings);
    }

    static FloorEnded ended(Intervention current, FloorEndReason reason, String by, Instant now) {
        return new FloorEnded(now, current.number(), current.participantId(), reason, by);
    }

    /** The events that take a participant out of the queue and off the floor, if it is in either. */
    static List<Event> withdraw(RoundtableState state, String participantId, FloorEndReason reason, String by,
                                Instant now) {
        List<Event> events = new ArrayList<>(2);
        if (state.queue().contains(participantId)) {
            events.add(new Event.HandLowered(now, participantId, by));
        }
        state.currentIntervention().filter(i -> i.participantId().equals(participantId))
                .ifPresent(i -> events.add(ended(i, reason, by, now)));
        return events;
    }
}
