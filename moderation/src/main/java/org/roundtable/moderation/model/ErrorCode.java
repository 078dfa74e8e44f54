package org.roundtable.moderation.model;

/** Why a command was refused; stable names that clients may switch on. Immutable. */
public enum ErrorCode {
    NOT_PERMITTED,
    UNKNOWN_SENDER,
    UNKNOWN_PARTICIPANT,
    ALREADY_JOINED,
    NOT_DISCONNECTED,
    NOT_CONNECTED,
    BANNED,
    LOCKED,
    IN_LOBBY,
    NOT_IN_LOBBY,
    ALREADY_IN_QUEUE,
    NOT_IN_QUEUE,
    QUEUE_EMPTY,
    CANNOT_MOVE,
    FLOOR_NOT_HELD,
    NOT_FLOOR_HOLDER,
    ALREADY_HOLDS_FLOOR,
    CANNOT_SPEAK,
    INVALID_ROLE_CHANGE,
    TARGET_IS_MODERATOR,
    FORCE_MUTED,
    NOT_FORCE_MUTED,
    ALREADY_FORCE_MUTED,
    NO_MINISTERS,
    INVALID_ARGUMENT,
    ROUNDTABLE_ENDED,
    /** The journal could not store the events; nothing changed. */
    JOURNAL_UNAVAILABLE
}
