package org.roundtable.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.policy.Forwarding;
import org.roundtable.moderation.state.Presence;

/**
 * What a client needs to draw the roundtable, at one instant: sent on join, then kept up to date
 * by the events. Immutable.
 *
 * @param participants everyone present, in the lobby or disconnected (not those gone), in arrival order
 * @param queue        speaker queue, head first
 * @param floor        null when nobody holds the floor
 */
public record RoundtableSnapshot(String room, Instant at, Settings settings, boolean ended,
                                 List<ParticipantView> participants, List<String> queue, FloorView floor,
                                 Set<String> banned) {

    public RoundtableSnapshot {
        participants = List.copyOf(participants);
        queue = List.copyOf(queue);
        banned = Set.copyOf(banned);
    }

    /** One participant. {@code audioOn}/{@code videoOn} are its own switches; forwarding is the SFU's verdict. */
    public record ParticipantView(String id, String displayName, Role role, Presence presence, boolean audioOn,
                                  boolean videoOn, Set<Medium> forceMuted, Forwarding forwarding) {
        public ParticipantView {
            forceMuted = Set.copyOf(forceMuted);
        }
    }

    /** The current intervention. {@code remaining} is negative in overtime. */
    public record FloorView(int intervention, String participantId, String grantedBy, Instant start,
                            Duration allotted, Instant deadline, Duration remaining, boolean expired) { }
}
