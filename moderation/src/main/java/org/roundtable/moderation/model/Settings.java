package org.roundtable.moderation.model;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Per-roundtable rules, changeable by moderators. Immutable.
 *
 * @param defaultAllotted   time granted with the floor unless the grant overrides it
 * @param warningsBeforeEnd remaining times at which a warning is emitted, kept sorted longest first
 * @param expiryPolicy      what happens when the allotted time runs out
 * @param audioPolicy       who is heard
 * @param lobbyForMinisters ministers wait in the lobby until admitted
 * @param lobbyForViewers   viewers wait in the lobby until admitted
 * @param locked            nobody but moderators may join
 */
public record Settings(
        Duration defaultAllotted,
        List<Duration> warningsBeforeEnd,
        ExpiryPolicy expiryPolicy,
        AudioPolicy audioPolicy,
        boolean lobbyForMinisters,
        boolean lobbyForViewers,
        boolean locked) {

    public Settings {
        Objects.requireNonNull(defaultAllotted, "defaultAllotted");
        Objects.requireNonNull(expiryPolicy, "expiryPolicy");
        Objects.requireNonNull(audioPolicy, "audioPolicy");
        if (defaultAllotted.isNegative() || defaultAllotted.isZero()) {
            throw new IllegalArgumentException("defaultAllotted must be positive, was " + defaultAllotted);
        }
        List<Duration> warnings = List.copyOf(warningsBeforeEnd == null ? List.of() : warningsBeforeEnd);
        for (Duration warning : warnings) {
            if (warning.isNegative() || warning.isZero()) {
                throw new IllegalArgumentException("warnings must be positive, was " + warning);
            }
        }
        warningsBeforeEnd = warnings.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** Five minutes, warnings at one minute and ten seconds, notify only, open audio, no lobby, unlocked. */
    public static Settings defaults() {
        return new Settings(Duration.ofMinutes(5), List.of(Duration.ofMinutes(1), Duration.ofSeconds(10)),
                ExpiryPolicy.NOTIFY, AudioPolicy.OPEN, false, false, false);
    }

    public Settings withLocked(boolean newLocked) {
        return new Settings(defaultAllotted, warningsBeforeEnd, expiryPolicy, audioPolicy,
                lobbyForMinisters, lobbyForViewers, newLocked);
    }

    public Settings withAudioPolicy(AudioPolicy policy) {
        return new Settings(defaultAllotted, warningsBeforeEnd, expiryPolicy, policy,
                lobbyForMinisters, lobbyForViewers, locked);
    }

    public Settings withExpiryPolicy(ExpiryPolicy policy) {
        return new Settings(defaultAllotted, warningsBeforeEnd, policy, audioPolicy,
                lobbyForMinisters, lobbyForViewers, locked);
    }

    public Settings withLobby(boolean forMinisters, boolean forViewers) {
        return new Settings(defaultAllotted, warningsBeforeEnd, expiryPolicy, audioPolicy,
                forMinisters, forViewers, locked);
    }

    /** Whether a participant joining with this role waits in the lobby. */
    public boolean lobbyFor(Role role) {
        return switch (role) {
            case MODERATOR -> false;
            case MINISTER -> lobbyForMinisters;
            case VIEWER -> lobbyForViewers;
        };
    }
}
