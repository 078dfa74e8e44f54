package org.roundtable.moderation.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.roundtable.moderation.model.ExpiryPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;

/**
 * A fact that happened in a roundtable: the single source of truth, journaled before it is applied
 * or broadcast, replayed on restart. {@code by} names the acting participant, or {@link #SYSTEM}
 * for the timer. Immutable.
 */
public sealed interface Event {

    /** The actor of events produced by the roundtable itself (timer expiry). */
    String SYSTEM = "system";

    Instant at();

    record RoundtableOpened(Instant at, String room, Settings settings) implements Event { }

    record ParticipantJoined(Instant at, String participantId, String displayName, Role role, boolean inLobby)
            implements Event { }

    record ParticipantAdmitted(Instant at, String participantId, String by) implements Event { }

    record ParticipantDenied(Instant at, String participantId, String by) implements Event { }

    record ParticipantLeft(Instant at, String participantId) implements Event { }

    record ParticipantDisconnected(Instant at, String participantId) implements Event { }

    record ParticipantReconnected(Instant at, String participantId) implements Event { }

    record ParticipantRemoved(Instant at, String participantId, String by, boolean banned) implements Event { }

    record RoleChanged(Instant at, String participantId, Role from, Role to, String by) implements Event { }

    record HandRaised(Instant at, String participantId) implements Event { }

    record HandLowered(Instant at, String participantId, String by) implements Event { }

    /** The whole queue after a moderator reordered it, head first. */
    record QueueReordered(Instant at, List<String> queue, String by) implements Event {
        public QueueReordered {
            queue = List.copyOf(queue);
        }
    }

    /**
     * A new intervention opened.
     *
     * @param intervention      1-based number of the intervention in this roundtable
     * @param warningsBeforeEnd the warnings this intervention will emit, longest first
     */
    record FloorGranted(Instant at, int intervention, String participantId, String by, Duration allotted,
                        List<Duration> warningsBeforeEnd) implements Event {
        public FloorGranted {
            warningsBeforeEnd = List.copyOf(warningsBeforeEnd);
        }
    }

    record FloorEnded(Instant at, int intervention, String participantId, FloorEndReason reason, String by)
            implements Event { }

    record TimeWarning(Instant at, int intervention, String participantId, Duration remaining) implements Event { }

    record TimeExpired(Instant at, int intervention, String participantId, ExpiryPolicy policy) implements Event { }

    /** A participant's own microphone or camera switched; {@code by} is the participant, or system on expiry. */
    record MediaChanged(Instant at, String participantId, Medium medium, boolean enabled, String by)
            implements Event { }

    record MuteRequested(Instant at, String participantId, Medium medium, String by) implements Event { }

    record ForceMuteSet(Instant at, String participantId, Medium medium, String by) implements Event { }

    record ForceMuteLifted(Instant at, String participantId, Medium medium, String by) implements Event { }

    record SettingsChanged(Instant at, Settings settings, String by) implements Event { }

    record RoundtableEnded(Instant at, String by) implements Event { }
}
