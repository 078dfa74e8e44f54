package org.roundtable.signaling.protocol;

import java.util.Optional;

import org.roundtable.signaling.auth.Role;

/** Which role may send which message. Pure: the one place role checks are decided. */
public final class RolePolicy {

    private RolePolicy() {
    }

    /** Empty if {@code role} may send {@code messageType}, else why not (shown to the client). */
    public static Optional<String> refusal(Role role, String messageType) {
        return switch (messageType) {
            case "publish" -> role.publishes() ? Optional.empty()
                    : Optional.of("a " + role.wireName() + " may not publish media");
            case "mute" -> role.publishes() ? Optional.empty()
                    : Optional.of("a " + role.wireName() + " has no microphone or camera to mute");
            default -> Optional.empty();
        };
    }
}
