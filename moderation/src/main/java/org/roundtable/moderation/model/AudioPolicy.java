package org.roundtable.moderation.model;

/** Who is heard in a roundtable. Immutable. */
public enum AudioPolicy {
    /** Ministers may unmute freely. */
    OPEN,
    /** Only the floor holder and moderators are heard. */
    FLOOR
}
