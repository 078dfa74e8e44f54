package org.roundtable.moderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.MediaChanged;
import org.roundtable.moderation.event.Event.TimeExpired;
import org.roundtable.moderation.event.Event.TimeWarning;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.ExpiryPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.state.Intervention;
import org.roundtable.moderation.state.RoundtableState;

/**
 * The intervention clock: warnings before the end, then the expiry policy. Driven by the caller
 * with the current time, so tests are deterministic. Stateless.
 */
public final class TimerRules {

    private TimerRules() {
    }

    /** When {@link #onClock} next has something to do, if anything. */
    public static Optional<Instant> nextDeadline(RoundtableState state) {
        if (state.isEnded()) {
            return Optional.empty();
        }
        return state.currentIntervention().filter(i -> !i.isExpired()).map(TimerRules::nextDue);
    }

    /** The timer events due at {@code now}: the warnings passed, then the expiry. */
    public static List<Event> onClock(RoundtableState state, Instant now) {
        Intervention current = state.isEnded() ? null : state.currentIntervention().orElse(null);
        if (current == null || current.isExpired()) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        if (now.isBefore(current.deadline())) {
            List<Duration> warnings = current.warningsBeforeEnd();
            for (int k = current.warningsEmitted(); k < warnings.size(); k++) {
                if (!now.isBefore(current.deadline().minus(warnings.get(k)))) {
                    events.add(new TimeWarning(now, current.number(), current.participantId(), warnings.get(k)));
                }
            }
            return events;
        }
        ExpiryPolicy policy = state.settings().expiryPolicy();
        String holder = current.participantId();
        events.add(new TimeExpired(now, current.number(), holder, policy));
        if (policy == ExpiryPolicy.MUTE_AND_NEXT) {
            boolean audioOn = state.participant(holder).map(p -> p.isEnabled(Medium.AUDIO)).orElse(false);
            if (audioOn) {
                events.add(new MediaChanged(now, holder, Medium.AUDIO, false, Event.SYSTEM));
            }
            events.add(FloorRules.ended(current, FloorEndReason.EXPIRED, Event.SYSTEM, now));
            state.nextSpeaker().filter(next -> !next.equals(holder)).ifPresent(next -> events.add(
                    FloorRules.granted(state, next, Event.SYSTEM, state.settings().defaultAllotted(), now)));
        }
        return events;
    }

    private static Instant nextDue(Intervention i) {
        List<Duration> warnings = i.warningsBeforeEnd();
        return i.warningsEmitted() < warnings.size()
                ? i.deadline().minus(warnings.get(i.warningsEmitted())) : i.deadline();
    }
}
