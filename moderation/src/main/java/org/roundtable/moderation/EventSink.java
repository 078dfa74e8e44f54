package org.roundtable.moderation;

import java.io.IOException;
import java.util.List;
import org.roundtable.moderation.event.Event;

/** Where a roundtable stores its events durably before applying them. Confined to the roundtable's thread. */
public interface EventSink {

    /** Stores the events of one command, all or none; returns only once they are durable. */
    void append(List<Event> events) throws IOException;

    /** For tests and throwaway roundtables: stores nothing. */
    EventSink NONE = events -> { };
}
