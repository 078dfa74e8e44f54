package org.roundtable.loadtest.participant;

import org.roundtable.loadtest.engine.MediaWorker;
import org.roundtable.sfu.buffer.BufferPool;

/** Makes the simulated participants of one server kind. Called from the runner's thread. */
public interface ParticipantFactory extends AutoCloseable {
    LoadParticipant create(ParticipantSpec spec, MediaWorker worker, BufferPool pool, TrackDirectory directory);

    /** What the runner reports as the target. */
    String target();

    @Override
    void close();
}
