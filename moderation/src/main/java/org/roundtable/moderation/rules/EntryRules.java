package org.roundtable.moderation.rules;

import java.time.Instant;
import java.util.List;
import org.roundtable.moderation.command.Command.Join;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.ParticipantJoined;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.Presence;
import org.roundtable.moderation.state.RoundtableState;

/** Who may enter, and whether it waits in the lobby. Stateless. */
final class EntryRules {
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_NAME_LENGTH = 200;

    private EntryRules() {
    }

    static List<Event> join(RoundtableState state, String sender, Join c, Instant now) throws Refusal {
        Role role = Checks.required(c.role(), "role");
        String name = Checks.required(c.displayName(), "displayName").strip();
        if (sender.isBlank() || sender.length() > MAX_ID_LENGTH || Event.SYSTEM.equals(sender)) {
            throw new Refusal(ErrorCode.INVALID_ARGUMENT,
                    "participant id must be 1 to " + MAX_ID_LENGTH + " characters and not '" + Event.SYSTEM + "'");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new Refusal(ErrorCode.INVALID_ARGUMENT, "display name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (state.banned().contains(sender)) {
            throw new Refusal(ErrorCode.BANNED, "you were removed from this roundtable and may not rejoin");
        }
        boolean known = state.participant(sender).map(p -> p.presence() != Presence.GONE).orElse(false);
        if (known) {
            throw new Refusal(ErrorCode.ALREADY_JOINED, "'" + sender + "' already joined; use Reconnect");
        }
        if (state.settings().locked() && role != Role.MODERATOR) {
            throw new Refusal(ErrorCode.LOCKED, "this roundtable is locked");
        }
        return List.of(new ParticipantJoined(now, sender, name, role, state.settings().lobbyFor(role)));
    }
}
