package org.roundtable.moderation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when the test says so. Confined to the test thread. */
public final class ManualClock implements InstantSource {
    public static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    private Instant now = START;

    @Override
    public Instant instant() {
        return now;
    }

    public Instant advance(Duration duration) {
        now = now.plus(duration);
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }
}
