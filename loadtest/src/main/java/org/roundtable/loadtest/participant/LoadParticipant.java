package org.roundtable.loadtest.participant;

import java.util.List;
import org.roundtable.loadtest.stats.TrackReception;

/** A simulated participant as the runner drives and reads it, whatever the server kind. */
public interface LoadParticipant {
    ParticipantSpec spec();

    /** Starts joining; returns at once. */
    void join();

    /**
     * The run is ending: from now on, what the server does (closing transports as others leave)
     * is not this participant's failure. Called on every participant before any leaves.
     */
    void markLeaving();

    /** Leaves and frees its transports. */
    void leave();

    /** The server accepted the join. */
    boolean welcomed();

    /** Why it failed, or null. */
    String error();

    /** The tracks the server asked it to receive (latest list). */
    List<TrackRef> tracksToReceive();

    /** Milliseconds from the start of joining to the first media packet received, or -1. */
    double joinToFirstMediaMs();

    /** Worker thread, or after the workers stopped. */
    List<TrackReception> receptions();

    /** Worker thread, or after the workers stopped. */
    ParticipantCounters counters();
}
