package org.roundtable.moderation.model;

/** What a participant may do in a roundtable. Immutable. */
public enum Role {
    /** Runs the roundtable; any number of co-moderators. Always heard. */
    MODERATOR,
    /** May speak: raises a hand, holds the floor, publishes media. */
    MINISTER,
    /** Watches and listens only; never publishes. */
    VIEWER
}
