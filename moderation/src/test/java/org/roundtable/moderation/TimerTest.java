package org.roundtable.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roundtable.moderation.command.Command.ChangeSettings;
import org.roundtable.moderation.command.Command.GrantFloor;
import org.roundtable.moderation.command.Command.RaiseHand;
import org.roundtable.moderation.command.Command.RevokeFloor;
import org.roundtable.moderation.command.Command.SetMedia;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.FloorEnded;
import org.roundtable.moderation.event.Event.FloorGranted;
import org.roundtable.moderation.event.Event.MediaChanged;
import org.roundtable.moderation.event.Event.TimeExpired;
import org.roundtable.moderation.event.Event.TimeWarning;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.ExpiryPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.policy.Forwarding;

/** Warnings and expiry, driven by an injected clock. */
class TimerTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private Fixture speaking(ExpiryPolicy policy) {
        Fixture f = new Fixture(Settings.defaults().withExpiryPolicy(policy))
                .join("mod", MODERATOR).join("ann", MINISTER).join("bob", MINISTER);
        f.accept("mod", new GrantFloor("ann", null));
        return f;
    }

    @Test
    void nothingToDoWithoutAFloor() {
        Fixture f = new Fixture().join("mod", MODERATOR);
        assertEquals(Optional.empty(), f.roundtable.nextDeadline());
        assertEquals(List.of(), f.roundtable.tick().events());
    }

    @Test
    void warningsThenExpiryAtTheirTimes() {
        Fixture f = speaking(ExpiryPolicy.NOTIFY);
        Instant start = f.now();
        assertEquals(Optional.of(start.plus(Duration.ofMinutes(4))), f.roundtable.nextDeadline());

        f.clock.set(start.plus(Duration.ofMinutes(4)).minusMillis(1));
        assertEquals(List.of(), f.roundtable.tick().events(), "early tick does nothing");

        Instant firstWarning = f.clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(new TimeWarning(firstWarning, 1, "ann", MINUTE)), f.roundtable.tick().events());
        assertEquals(List.of(), f.roundtable.tick().events(), "a warning is emitted once");
        assertEquals(Optional.of(start.plus(FIVE_MINUTES).minus(TEN_SECONDS)), f.roundtable.nextDeadline());

        Instant secondWarning = f.clock.advance(Duration.ofSeconds(50));
        assertEquals(List.of(new TimeWarning(secondWarning, 1, "ann", TEN_SECONDS)), f.roundtable.tick().events());
        assertEquals(Optional.of(start.plus(FIVE_MINUTES)), f.roundtable.nextDeadline());

        Instant end = f.clock.advance(TEN_SECONDS);
        assertEquals(List.of(new TimeExpired(end, 1, "ann", ExpiryPolicy.NOTIFY)), f.roundtable.tick().events());
        assertEquals(Optional.empty(), f.roundtable.nextDeadline());
        assertTrue(f.roundtable.snapshot().floor().expired());
        assertEquals("ann", f.roundtable.snapshot().floor().participantId(), "notify keeps the holder speaking");
        f.clock.advance(MINUTE);
        assertEquals(List.of(), f.roundtable.tick().events(), "expiry is announced once");
        assertEquals(Duration.ofMinutes(-1), f.roundtable.snapshot().floor().remaining());
    }

    @Test
    void lateTickEmitsEveryDueWarningInOrder() {
        Fixture f = speaking(ExpiryPolicy.NOTIFY);
        Instant late = f.clock.advance(Duration.ofSeconds(295));
        assertEquals(List.of(new TimeWarning(late, 1, "ann", MINUTE), new TimeWarning(late, 1, "ann", TEN_SECONDS)),
                f.roundtable.tick().events());
    }

    @Test
    void tickPastTheEndSkipsStaleWarnings() {
        Fixture f = speaking(ExpiryPolicy.NOTIFY);
        Instant late = f.clock.advance(Duration.ofMinutes(6));
        assertEquals(List.of(new TimeExpired(late, 1, "ann", ExpiryPolicy.NOTIFY)), f.roundtable.tick().events());
    }

    @Test
    void muteAndNextMutesTheHolderAndGrantsTheHeadOfTheQueue() {
        Fixture f = speaking(ExpiryPolicy.MUTE_AND_NEXT);
        f.accept("bob", new RaiseHand());
        Instant end = f.clock.advance(FIVE_MINUTES);
        assertEquals(List.of(new TimeExpired(end, 1, "ann", ExpiryPolicy.MUTE_AND_NEXT),
                new MediaChanged(end, "ann", Medium.AUDIO, false, Event.SYSTEM),
                new FloorEnded(end, 1, "ann", FloorEndReason.EXPIRED, Event.SYSTEM),
                new FloorGranted(end, 2, "bob", Event.SYSTEM, FIVE_MINUTES, List.of(MINUTE, TEN_SECONDS))),
                f.roundtable.onClock(end).events());
        assertEquals(new Forwarding(false, true), f.roundtable.forwarding("ann"));
        assertEquals(Optional.of(end.plus(Duration.ofMinutes(4))), f.roundtable.nextDeadline());
        f.accept("ann", new SetMedia(Medium.AUDIO, true));
    }

    @Test
    void muteAndNextWithAnEmptyQueueLeavesTheFloorFree() {
        Fixture f = speaking(ExpiryPolicy.MUTE_AND_NEXT);
        f.accept("ann", new SetMedia(Medium.AUDIO, false));
        Instant end = f.clock.advance(FIVE_MINUTES);
        assertEquals(List.of(new TimeExpired(end, 1, "ann", ExpiryPolicy.MUTE_AND_NEXT),
                new FloorEnded(end, 1, "ann", FloorEndReason.EXPIRED, Event.SYSTEM)), f.roundtable.tick().events());
        assertEquals(null, f.roundtable.snapshot().floor());
        assertEquals(Optional.empty(), f.roundtable.nextDeadline());
    }

    @Test
    void shortGrantKeepsOnlyTheWarningsThatFit() {
        Fixture f = new Fixture().join("mod", MODERATOR).join("ann", MINISTER);
        Duration thirty = Duration.ofSeconds(30);
        List<Event> events = f.accept("mod", new GrantFloor("ann", thirty));
        assertEquals(List.of(TEN_SECONDS), ((FloorGranted) events.get(0)).warningsBeforeEnd());
        assertEquals(Optional.of(f.now().plus(Duration.ofSeconds(20))), f.roundtable.nextDeadline());
    }

    @Test
    void settingsChangedDuringAnInterventionDoNotMoveItsWarnings() {
        Fixture f = speaking(ExpiryPolicy.NOTIFY);
        Instant start = f.now();
        f.accept("mod", new ChangeSettings(new Settings(MINUTE, List.of(Duration.ofSeconds(30)), ExpiryPolicy.NOTIFY,
                Settings.defaults().audioPolicy(), false, false, false)));
        assertEquals(Optional.of(start.plus(Duration.ofMinutes(4))), f.roundtable.nextDeadline());
    }

    @Test
    void revokedFloorStopsTheTimer() {
        Fixture f = speaking(ExpiryPolicy.NOTIFY);
        f.accept("mod", new RevokeFloor());
        assertEquals(Optional.empty(), f.roundtable.nextDeadline());
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), f.roundtable.tick().events());
        assertFalse(f.roundtable.state().interventions().get(0).isExpired());
    }
}
