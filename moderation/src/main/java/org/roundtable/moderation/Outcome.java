package org.roundtable.moderation;

import java.util.List;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.model.ErrorCode;

/** What became of a command or a clock tick. Immutable. */
public sealed interface Outcome {

    /** The events produced, already journaled and applied; empty if a tick had nothing to do. */
    List<Event> events();

    record Accepted(List<Event> events) implements Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** Nothing changed. */
    record Rejected(ErrorCode code, String message) implements Outcome {
        @Override
        public List<Event> events() {
            return List.of();
        }
    }
}
