package org.roundtable.sfu.ice;

import java.time.Duration;

/**
 * When ICE consent (RFC 7675) is lost: consent lasts {@link #expiry} after the last authenticated
 * STUN Binding success response received on the selected pair. One unanswered check does not end
 * it: the decision is taken from the age of the last confirmation alone. Pure and immutable.
 */
public record ConsentPolicy(Duration expiry) {
    /** RFC 7675 section 5.1: consent expires 30 s after the last confirmation. */
    public static final Duration RFC_7675_EXPIRY = Duration.ofSeconds(30);
    /** System property (milliseconds) that shortens the expiry, for tests that make peers vanish. */
    public static final String EXPIRY_PROPERTY = "roundtable.ice.consent-expiry-ms";

    public ConsentPolicy {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("consent expiry must be positive: " + expiry);
        }
    }

    /** The RFC 7675 expiry unless {@link #EXPIRY_PROPERTY} sets another; a bad value is an error. */
    public static ConsentPolicy fromSystemProperties() {
        String millis = System.getProperty(EXPIRY_PROPERTY);
        if (millis == null || millis.isBlank()) {
            return new ConsentPolicy(RFC_7675_EXPIRY);
        }
        try {
            return new ConsentPolicy(Duration.ofMillis(Long.parseLong(millis.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(EXPIRY_PROPERTY + " must be a number of milliseconds: " + millis, e);
        }
    }

    /** How long consent confirmed at {@code lastConfirmedNanos} still lasts at {@code nowNanos}; not positive once expired. */
    public long nanosLeft(long lastConfirmedNanos, long nowNanos) {
        return expiry.toNanos() - (nowNanos - lastConfirmedNanos);
    }

    /** True when no confirmation arrived in the last {@link #expiry} (nanoTime-style clocks). */
    public boolean expired(long lastConfirmedNanos, long nowNanos) {
        return nanosLeft(lastConfirmedNanos, nowNanos) <= 0;
    }
}
