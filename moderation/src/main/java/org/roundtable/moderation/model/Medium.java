package org.roundtable.moderation.model;

/** A kind of media a participant publishes and that moderators can mute. Immutable. */
public enum Medium {
    AUDIO,
    VIDEO
}
