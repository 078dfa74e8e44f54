package org.roundtable.signaling.auth;

import java.util.Locale;
import java.util.Optional;

/** What a participant is in a roundtable; carried in the join token. */
public enum Role {
    MODERATOR, MINISTER, VIEWER;

    /** Lower-case name used in tokens, JSON messages and metric labels. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role sends camera and microphone (viewers only watch). */
    public boolean publishes() {
        return this != VIEWER;
    }

    public static Optional<Role> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
