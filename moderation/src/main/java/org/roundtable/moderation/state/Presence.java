package org.roundtable.moderation.state;

/** Where a participant stands in the roundtable. Immutable. */
public enum Presence {
    /** Waiting for a moderator to admit or deny it. */
    LOBBY,
    /** In the roundtable and connected. */
    CONNECTED,
    /** In the roundtable, connection lost; keeps role, queue place and floor. */
    DISCONNECTED,
    /** Left, denied or removed; kept only for the record. */
    GONE
}
