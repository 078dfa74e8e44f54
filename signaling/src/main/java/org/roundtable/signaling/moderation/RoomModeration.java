package org.roundtable.signaling.moderation;

import io.vertx.core.Context;
import io.vertx.core.Future;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.roundtable.moderation.Outcome;
import org.roundtable.moderation.Roundtable;
import org.roundtable.moderation.RoundtableSnapshot;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.journal.Journal;
import org.roundtable.moderation.journal.JournalStore;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.Presence;

/**
 * One room's moderation domain behind a {@link SerialLane}: the aggregate and its journal are
 * touched only by lane tasks (so fsyncs never block the event loop and commands keep their order);
 * results come back to the event loop as immutable {@link Step}s, which go to the
 * {@link Listener} (broadcast, SFU enforcement) before the submitter sees them. Also owns the
 * intervention timer, driven by the aggregate's {@code nextDeadline()}.
 * Event-loop confined (the signaling verticle's), except what the lane tasks touch.
 */
public final class RoomModeration {

    private static final Logger LOG = Logger.getLogger(RoomModeration.class.getName());

    /** Told of every step that changed something, on the event loop, in order. */
    public interface Listener {
        void onStep(Step step);

        Listener NONE = step -> { };
    }

    private final String room;
    private final Context context;
    private final InstantSource clock;
    private final SerialLane lane;
    private Roundtable roundtable; // lane-confined
    private Journal journal; // lane-confined
    private Listener listener = Listener.NONE;
    private RoundtableSnapshot snapshot;
    private long timerId = -1;
    private boolean closed;

    private RoomModeration(String room, Context context, InstantSource clock) {
        this.room = room;
        this.context = context;
        this.clock = clock;
        this.lane = new SerialLane(context);
    }

    /**
     * Opens the room's roundtable: replays its journal, or starts a new one with {@code defaults}.
     * A server that stopped while people were connected finds them connected in the journal: they
     * are journaled as disconnected now, so they come back with {@code Reconnect}, keeping role,
     * queue place and floor.
     */
    public static RoomModeration open(String room, Context context, JournalStore store, Settings defaults,
                                      InstantSource clock) {
        RoomModeration m = new RoomModeration(room, context, clock);
        m.lane.run(() -> {
            Journal journal = store.open(room);
            try {
                m.roundtable = Roundtable.restore(room, defaults, journal.history(), clock, journal);
            } catch (IOException | RuntimeException e) {
                journal.close();
                throw e;
            }
            m.journal = journal;
            for (ParticipantState p : List.copyOf(m.roundtable.state().participants())) {
                if (p.presence() == Presence.CONNECTED || p.presence() == Presence.LOBBY) {
                    m.roundtable.handle(p.id(), new Command.Disconnect());
                }
            }
            return m.step(new Outcome.Accepted(List.of()));
        }).onSuccess(m::deliver).onFailure(e -> LOG.log(Level.SEVERE, "roundtable " + room + " could not be opened", e));
        return m;
    }

    public String room() {
        return room;
    }

    /** The state after the last step delivered; null until the journal has been replayed. */
    public RoundtableSnapshot snapshot() {
        return snapshot;
    }

    public void listen(Listener newListener) {
        listener = newListener == null ? Listener.NONE : newListener;
    }

    /** Runs {@code action} on the aggregate in the lane; the step reaches the listener, then the caller. */
    public Future<Step> submit(Function<Roundtable, Outcome> action) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("roundtable " + room + " is closed"));
        }
        return lane.run(() -> {
            requireOpen();
            return step(action.apply(roundtable));
        }).map(step -> {
            deliver(step);
            return step;
        });
    }

    /** Reads from the aggregate in the lane (e.g. the official record); {@code read} must return immutable data. */
    public <T> Future<T> read(Function<Roundtable, T> read) {
        return lane.run(() -> {
            requireOpen();
            return read.apply(roundtable);
        });
    }

    /** Stops the timer and closes the journal after the tasks already queued. */
    public Future<Void> close() {
        closed = true;
        cancelTimer();
        return lane.run(() -> {
            if (journal != null) {
                journal.close();
            }
            return null;
        });
    }

    private void requireOpen() throws IOException {
        if (roundtable == null) {
            throw new IOException("the journal of roundtable " + room + " could not be opened");
        }
    }

    /** Lane: the outcome plus everything the event loop needs afterwards. */
    private Step step(Outcome outcome) {
        return new Step(outcome, roundtable.snapshot(), roundtable.nextDeadline());
    }

    private void deliver(Step step) {
        snapshot = step.snapshot();
        schedule(step);
        if (step.changedSomething()) {
            try {
                listener.onStep(step);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "applying a step of roundtable " + room + " failed", e);
            }
        }
    }

    private void schedule(Step step) {
        cancelTimer();
        if (closed || step.nextDeadline().isEmpty()) {
            return;
        }
        Instant due = step.nextDeadline().get();
        long delayMs = Math.max(1, Duration.between(clock.instant(), due).toMillis() + 1);
        timerId = context.owner().setTimer(delayMs, id -> {
            timerId = -1;
            submit(Roundtable::tick);
        });
    }

    private void cancelTimer() {
        if (timerId >= 0) {
            context.owner().cancelTimer(timerId);
            timerId = -1;
        }
    }
}
