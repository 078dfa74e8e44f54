package org.roundtable.signaling.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a join token grants: enter {@code room} as {@code role} under {@code name} until
 * {@code expiresAt}, as the person {@code participantId}. The participant id is stable per person:
 * it is what bans, reconnection and the official record key on. The constructor validates, so an
 * instance is always a usable grant. Immutable.
 */
public record JoinClaims(String room, Role role, String name, Instant expiresAt, String participantId) {

    /** A room name is also its journal's file name: it starts with a letter or digit. */
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PARTICIPANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_NAME_LENGTH = 64;

    public JoinClaims {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (room == null || !ROOM.matcher(room).matches()) {
            throw new IllegalArgumentException("room must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        name = name.strip();
        if (participantId == null) {
            participantId = derivedId(room, name);
        }
        if (!PARTICIPANT_ID.matcher(participantId).matches() || participantId.equals("system")) {
            throw new IllegalArgumentException("sub (participant id) must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
    }

    /** Claims without an explicit participant id: it is derived from room and name. */
    public JoinClaims(String room, Role role, String name, Instant expiresAt) {
        this(room, role, name, expiresAt, null);
    }

    /**
     * The id of a person whose token names none: {@code p-} and 12 hex digits of SHA-256 over room
     * and name, so the same person (same name in the same room) keeps one id across links and restarts.
     */
    public static String derivedId(String room, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((room + "\n" + name.strip()).getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
