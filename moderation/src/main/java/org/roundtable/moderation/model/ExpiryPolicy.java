package org.roundtable.moderation.model;

/** What happens when an intervention's allotted time runs out. Immutable. */
public enum ExpiryPolicy {
    /** Tell everyone; the holder keeps the floor until a moderator acts. */
    NOTIFY,
    /** Mute the holder's audio, end the intervention and grant the floor to the head of the queue. */
    MUTE_AND_NEXT
}
