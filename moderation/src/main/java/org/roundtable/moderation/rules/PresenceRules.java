package org.roundtable.moderation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.Admit;
import org.roundtable.moderation.command.Command.ChangeRole;
import org.roundtable.moderation.command.Command.Deny;
import org.roundtable.moderation.command.Command.Disconnect;
import org.roundtable.moderation.command.Command.EndRoundtable;
import org.roundtable.moderation.command.Command.Leave;
import org.roundtable.moderation.command.Command.Reconnect;
import org.roundtable.moderation.command.Command.RemoveParticipant;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.ParticipantAdmitted;
import org.roundtable.moderation.event.Event.ParticipantDenied;
import org.roundtable.moderation.event.Event.ParticipantDisconnected;
import org.roundtable.moderation.event.Event.ParticipantLeft;
import org.roundtable.moderation.event.Event.ParticipantReconnected;
import org.roundtable.moderation.event.Event.ParticipantRemoved;
import org.roundtable.moderation.event.Event.RoleChanged;
import org.roundtable.moderation.event.Event.RoundtableEnded;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.Presence;
import org.roundtable.moderation.state.RoundtableState;

/** Leaving, reconnecting, the lobby, roles, removal and the end of the roundtable. Stateless. */
final class PresenceRules {

    private PresenceRules() {
    }

    /** Events for a presence command, or null if the command is not about presence. */
    static List<Event> decide(RoundtableState state, String sender, Command command, Instant now) throws Refusal {
        if (command instanceof Leave) {
            List<Event> events = FloorRules.withdraw(state, sender, FloorEndReason.LEFT, sender, now);
            events.add(new ParticipantLeft(now, sender));
            return events;
        }
        if (command instanceof Disconnect) {
            ParticipantState self = state.participant(sender).orElseThrow();
            // A lobby place is not worth keeping: the participant asks again when it comes back.
            return List.of(self.presence() == Presence.LOBBY
                    ? new ParticipantLeft(now, sender) : new ParticipantDisconnected(now, sender));
        }
        if (command instanceof Reconnect) {
            return List.of(new ParticipantReconnected(now, sender));
        }
        if (command instanceof Admit c) {
            return List.of(new ParticipantAdmitted(now, waiting(state, c.target()).id(), sender));
        }
        if (command instanceof Deny c) {
            return List.of(new ParticipantDenied(now, waiting(state, c.target()).id(), sender));
        }
        if (command instanceof ChangeRole c) {
            return changeRole(state, sender, c, now);
        }
        if (command instanceof RemoveParticipant c) {
            return remove(state, sender, c, now);
        }
        if (command instanceof EndRoundtable) {
            List<Event> events = new ArrayList<>(2);
            state.currentIntervention().ifPresent(
                    i -> events.add(FloorRules.ended(i, FloorEndReason.ROUNDTABLE_ENDED, sender, now)));
            events.add(new RoundtableEnded(now, sender));
            return events;
        }
        return null;
    }

    private static ParticipantState waiting(RoundtableState state, String target) throws Refusal {
        Checks.required(target, "target");
        ParticipantState p = state.participant(target).orElse(null);
        if (p == null || p.presence() == Presence.GONE) {
            throw new Refusal(ErrorCode.UNKNOWN_PARTICIPANT, "no participant '" + target + "' in this roundtable");
        }
        if (p.presence() != Presence.LOBBY) {
            throw new Refusal(ErrorCode.NOT_IN_LOBBY, "'" + target + "' is not in the lobby");
        }
        return p;
    }

    private static List<Event> changeRole(RoundtableState state, String sender, ChangeRole c, Instant now)
            throws Refusal {
        Role to = Checks.required(c.newRole(), "newRole");
        ParticipantState p = Checks.member(state, c.target());
        if (p.role() == Role.MODERATOR) {
            throw new Refusal(ErrorCode.TARGET_IS_MODERATOR, "a moderator's role cannot be changed");
        }
        boolean promotion = p.role() == Role.VIEWER && to == Role.MINISTER;
        boolean demotion = p.role() == Role.MINISTER && to == Role.VIEWER;
        if (!promotion && !demotion) {
            throw new Refusal(ErrorCode.INVALID_ROLE_CHANGE, "a " + p.role().name().toLowerCase()
                    + " cannot become a " + to.name().toLowerCase() + "; only viewer <-> minister");
        }
        List<Event> events = demotion
                ? FloorRules.withdraw(state, p.id(), FloorEndReason.DEMOTED, sender, now) : new ArrayList<>(1);
        events.add(new RoleChanged(now, p.id(), p.role(), to, sender));
        return events;
    }

    private static List<Event> remove(RoundtableState state, String sender, RemoveParticipant c, Instant now)
            throws Refusal {
        Checks.required(c.target(), "target");
        if (c.target().equals(sender)) {
            throw new Refusal(ErrorCode.INVALID_ARGUMENT, "use Leave to leave the roundtable yourself");
        }
        ParticipantState p = state.participant(c.target()).orElseThrow(() -> new Refusal(
                ErrorCode.UNKNOWN_PARTICIPANT, "no participant '" + c.target() + "' in this roundtable"));
        if (p.presence() == Presence.GONE && (!c.ban() || state.banned().contains(p.id()))) {
            throw new Refusal(ErrorCode.UNKNOWN_PARTICIPANT, "'" + p.id() + "' is no longer in this roundtable");
        }
        List<Event> events = FloorRules.withdraw(state, p.id(), FloorEndReason.REMOVED, sender, now);
        events.add(new ParticipantRemoved(now, p.id(), sender, c.ban()));
        return events;
    }
}
