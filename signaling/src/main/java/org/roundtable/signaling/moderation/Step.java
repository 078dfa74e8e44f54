package org.roundtable.signaling.moderation;

import java.time.Instant;
import java.util.Optional;

import org.roundtable.moderation.Outcome;
import org.roundtable.moderation.RoundtableSnapshot;

/**
 * What one command or timer tick did to a roundtable, with the state right after it: everything
 * the event loop needs to broadcast and enforce, without touching the lane-confined aggregate.
 * Immutable.
 */
public record Step(Outcome outcome, RoundtableSnapshot snapshot, Optional<Instant> nextDeadline) {

    public boolean accepted() {
        return outcome instanceof Outcome.Accepted;
    }

    public boolean changedSomething() {
        return accepted() && !outcome.events().isEmpty();
    }
}
