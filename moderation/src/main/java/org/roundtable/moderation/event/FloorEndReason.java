package org.roundtable.moderation.event;

/** Why an intervention ended. Immutable. */
public enum FloorEndReason {
    YIELDED,
    REVOKED,
    PASSED,
    EXPIRED,
    LEFT,
    REMOVED,
    DEMOTED,
    ROUNDTABLE_ENDED
}
