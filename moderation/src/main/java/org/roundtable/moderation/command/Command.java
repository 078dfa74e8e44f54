package org.roundtable.moderation.command;

import java.time.Duration;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;

/**
 * Something a participant asks the roundtable to do. The sender's id travels beside the command
 * (see {@code Roundtable.handle(senderId, command)}), never inside it. Immutable.
 */
public sealed interface Command {

    /** The sender enters the roundtable with the role its join token gave it; may land in the lobby. */
    record Join(String displayName, Role role) implements Command { }

    /** The sender leaves for good: hand lowered, floor ended; it may join again later. */
    record Leave() implements Command { }

    /** The sender's connection dropped: it keeps its role, queue place and floor until it reconnects. */
    record Disconnect() implements Command { }

    /** The sender comes back after {@link Disconnect}. */
    record Reconnect() implements Command { }

    record RaiseHand() implements Command { }

    record LowerHand() implements Command { }

    /** A moderator takes a participant out of the speaker queue. */
    record RemoveFromQueue(String target) implements Command { }

    enum Direction { UP, DOWN }

    /** A moderator moves a queue entry one place towards the head (UP) or the tail (DOWN). */
    record MoveInQueue(String target, Direction direction) implements Command { }

    /** A moderator puts a minister at the head of the queue, adding it if it was not queued. */
    record MoveToHead(String target) implements Command { }

    /**
     * A moderator grants the floor.
     *
     * @param target   who gets it; null means the first connected participant in the queue
     * @param allotted time for this intervention; null means the roundtable default
     */
    record GrantFloor(String target, Duration allotted) implements Command { }

    record RevokeFloor() implements Command { }

    /** A moderator ends the current intervention and grants the floor to the next in queue. */
    record PassFloor() implements Command { }

    /** The floor holder gives the floor back. */
    record YieldFloor() implements Command { }

    /** A moderator promotes a viewer to minister or demotes a minister to viewer. */
    record ChangeRole(String target, Role newRole) implements Command { }

    /** The sender turns its own microphone or camera on or off. */
    record SetMedia(Medium medium, boolean enabled) implements Command { }

    /** A moderator asks a participant to mute; the participant's client decides. */
    record RequestMute(String target, Medium medium) implements Command { }

    record RequestMuteAllMinisters(Medium medium) implements Command { }

    /** A moderator mutes a participant, who cannot unmute until {@link LiftForceMute}. */
    record ForceMute(String target, Medium medium) implements Command { }

    record ForceMuteAllMinisters(Medium medium) implements Command { }

    record LiftForceMute(String target, Medium medium) implements Command { }

    record LiftForceMuteAllMinisters(Medium medium) implements Command { }

    record Admit(String target) implements Command { }

    record Deny(String target) implements Command { }

    /** A moderator removes a participant; with {@code ban} it can never join this roundtable again. */
    record RemoveParticipant(String target, boolean ban) implements Command { }

    record ChangeSettings(Settings settings) implements Command { }

    record SetLocked(boolean locked) implements Command { }

    record EndRoundtable() implements Command { }
}
