package org.roundtable.moderation.rules;

import java.time.Duration;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.Presence;
import org.roundtable.moderation.state.RoundtableState;

/** Look-ups shared by the rules that refuse with a clear error. Stateless. */
final class Checks {
    /** Longest intervention a moderator may grant; anything longer is a typo. */
    static final Duration MAX_ALLOTTED = Duration.ofHours(12);

    private Checks() {
    }

    static <T> T required(T value, String what) throws Refusal {
        if (value == null) {
            throw new Refusal(ErrorCode.INVALID_ARGUMENT, what + " is required");
        }
        return value;
    }

    static Medium medium(Medium medium) throws Refusal {
        return required(medium, "medium");
    }

    /** A participant admitted to the roundtable, connected or not. */
    static ParticipantState member(RoundtableState state, String id) throws Refusal {
        required(id, "target");
        ParticipantState p = state.participant(id).orElse(null);
        if (p == null || p.presence() == Presence.GONE) {
            throw new Refusal(ErrorCode.UNKNOWN_PARTICIPANT, "no participant '" + id + "' in this roundtable");
        }
        if (p.presence() == Presence.LOBBY) {
            throw new Refusal(ErrorCode.IN_LOBBY, "'" + id + "' is still in the lobby");
        }
        return p;
    }

    static ParticipantState connectedMember(RoundtableState state, String id) throws Refusal {
        ParticipantState p = member(state, id);
        if (!p.isConnected()) {
            throw new Refusal(ErrorCode.NOT_CONNECTED, "'" + id + "' is not connected");
        }
        return p;
    }

    /** A member who publishes media: a minister or a moderator. */
    static ParticipantState speaker(ParticipantState p) throws Refusal {
        if (p.role() == Role.VIEWER) {
            throw new Refusal(ErrorCode.CANNOT_SPEAK, "'" + p.id() + "' is a viewer; promote it to minister first");
        }
        return p;
    }

    static ParticipantState minister(ParticipantState p) throws Refusal {
        if (p.role() != Role.MINISTER) {
            throw new Refusal(ErrorCode.CANNOT_SPEAK, "'" + p.id() + "' is not a minister");
        }
        return p;
    }

    static Duration allotted(Duration requested, Duration fallback) throws Refusal {
        if (requested == null) {
            return fallback;
        }
        if (requested.isNegative() || requested.isZero() || requested.compareTo(MAX_ALLOTTED) > 0) {
            throw new Refusal(ErrorCode.INVALID_ARGUMENT,
                    "allotted time must be positive and at most " + MAX_ALLOTTED + ", was " + requested);
        }
        return requested;
    }
}
