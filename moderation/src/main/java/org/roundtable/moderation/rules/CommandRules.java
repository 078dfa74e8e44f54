package org.roundtable.moderation.rules;

import java.time.Instant;
import java.util.List;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.ChangeSettings;
import org.roundtable.moderation.command.Command.Disconnect;
import org.roundtable.moderation.command.Command.Join;
import org.roundtable.moderation.command.Command.Leave;
import org.roundtable.moderation.command.Command.Reconnect;
import org.roundtable.moderation.command.Command.SetLocked;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.SettingsChanged;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.policy.Permissions;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.Presence;
import org.roundtable.moderation.state.RoundtableState;

/**
 * Decides a command: checks the sender's standing and role ({@link Permissions}), then the state,
 * and returns the events it produces without changing anything. Stateless.
 */
public final class CommandRules {

    private CommandRules() {
    }

    public static List<Event> decide(RoundtableState state, String sender, Command command, Instant now)
            throws Refusal {
        Checks.required(sender, "sender");
        Checks.required(command, "command");
        if (state.isEnded()) {
            throw new Refusal(ErrorCode.ROUNDTABLE_ENDED, "this roundtable has ended");
        }
        if (command instanceof Join c) {
            return EntryRules.join(state, sender, c, now);
        }
        ParticipantState self = checkStanding(state, sender, command);
        if (!Permissions.isAllowed(self.role(), command)) {
            throw new Refusal(ErrorCode.NOT_PERMITTED, "a " + self.role().name().toLowerCase()
                    + " may not " + command.getClass().getSimpleName());
        }
        List<Event> events = PresenceRules.decide(state, sender, command, now);
        if (events == null) {
            events = QueueRules.decide(state, sender, command, now);
        }
        if (events == null) {
            events = FloorRules.decide(state, sender, command, now);
        }
        if (events == null) {
            events = MediaRules.decide(state, sender, command, now);
        }
        if (events == null) {
            events = settings(state, sender, command, now);
        }
        return events;
    }

    /**
     * Decides a moderator command sent from outside the room (an organiser's system over HTTP,
     * authenticated as a moderator of this roundtable): no standing check, since the actor need
     * not be present; only moderator commands. {@code actor} becomes the events' {@code by}.
     */
    public static List<Event> decideAsOrganiser(RoundtableState state, String actor, Command command, Instant now)
            throws Refusal {
        Checks.required(actor, "actor");
        Checks.required(command, "command");
        if (state.isEnded()) {
            throw new Refusal(ErrorCode.ROUNDTABLE_ENDED, "this roundtable has ended");
        }
        if (!Permissions.allowedRoles(command).equals(java.util.EnumSet.of(Role.MODERATOR))) {
            throw new Refusal(ErrorCode.NOT_PERMITTED, command.getClass().getSimpleName()
                    + " is a participant's own action; organisers may send moderator commands only");
        }
        List<Event> events = PresenceRules.decide(state, actor, command, now);
        if (events == null) {
            events = QueueRules.decide(state, actor, command, now);
        }
        if (events == null) {
            events = FloorRules.decide(state, actor, command, now);
        }
        if (events == null) {
            events = MediaRules.decide(state, actor, command, now);
        }
        if (events == null) {
            events = settings(state, actor, command, now);
        }
        return events;
    }

    /** The sender must be in the roundtable and connected; the lobby may only leave. */
    private static ParticipantState checkStanding(RoundtableState state, String sender, Command command)
            throws Refusal {
        ParticipantState self = state.participant(sender)
                .filter(p -> p.presence() != Presence.GONE)
                .orElseThrow(() -> new Refusal(ErrorCode.UNKNOWN_SENDER, "'" + sender + "' has not joined"));
        boolean leaving = command instanceof Leave || command instanceof Disconnect;
        if (self.presence() == Presence.LOBBY && !leaving) {
            throw new Refusal(ErrorCode.IN_LOBBY, "wait until a moderator admits you");
        }
        if (command instanceof Reconnect) {
            if (self.presence() != Presence.DISCONNECTED) {
                throw new Refusal(ErrorCode.NOT_DISCONNECTED, "'" + sender + "' is already connected");
            }
        } else if (self.presence() == Presence.DISCONNECTED && !(command instanceof Leave)) {
            throw new Refusal(ErrorCode.NOT_CONNECTED, "reconnect first");
        }
        return self;
    }

    private static List<Event> settings(RoundtableState state, String sender, Command command, Instant now)
            throws Refusal {
        if (command instanceof ChangeSettings c) {
            return List.of(new SettingsChanged(now, Checks.required(c.settings(), "settings"), sender));
        }
        if (command instanceof SetLocked c) {
            return List.of(new SettingsChanged(now, state.settings().withLocked(c.locked()), sender));
        }
        throw new Refusal(ErrorCode.INVALID_ARGUMENT, "unknown command " + command.getClass().getSimpleName());
    }
}
