package org.roundtable.signaling.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a join token grants: enter {@code room} as {@code role} under {@code name} until
 * {@code expiresAt}. The constructor validates, so an instance is always a usable grant.
 */
public record JoinClaims(String room, Role role, String name, Instant expiresAt) {

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_NAME_LENGTH = 64;

    public JoinClaims {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (room == null || !ROOM.matcher(room).matches()) {
            throw new IllegalArgumentException("room must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        name = name.strip();
    }
}
