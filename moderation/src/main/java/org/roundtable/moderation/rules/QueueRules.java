package org.roundtable.moderation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.Direction;
import org.roundtable.moderation.command.Command.LowerHand;
import org.roundtable.moderation.command.Command.MoveInQueue;
import org.roundtable.moderation.command.Command.MoveToHead;
import org.roundtable.moderation.command.Command.RaiseHand;
import org.roundtable.moderation.command.Command.RemoveFromQueue;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.HandLowered;
import org.roundtable.moderation.event.Event.HandRaised;
import org.roundtable.moderation.event.Event.QueueReordered;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.RoundtableState;

/** The speaker queue: arrival order, changed only by moderators. Stateless. */
final class QueueRules {

    private QueueRules() {
    }

    /** Events for a queue command, or null if the command is not about the queue. */
    static List<Event> decide(RoundtableState state, String sender, Command command, Instant now) throws Refusal {
        if (command instanceof RaiseHand) {
            if (state.queue().contains(sender)) {
                throw new Refusal(ErrorCode.ALREADY_IN_QUEUE, "your hand is already raised");
            }
            if (state.floorHolder().filter(sender::equals).isPresent()) {
                throw new Refusal(ErrorCode.ALREADY_HOLDS_FLOOR, "you hold the floor");
            }
            return List.of(new HandRaised(now, sender));
        }
        if (command instanceof LowerHand) {
            requireQueued(state, sender);
            return List.of(new HandLowered(now, sender, sender));
        }
        if (command instanceof RemoveFromQueue c) {
            requireQueued(state, Checks.required(c.target(), "target"));
            return List.of(new HandLowered(now, c.target(), sender));
        }
        if (command instanceof MoveInQueue c) {
            return List.of(move(state, sender, c, now));
        }
        if (command instanceof MoveToHead c) {
            return List.of(moveToHead(state, sender, c, now));
        }
        return null;
    }

    private static void requireQueued(RoundtableState state, String id) throws Refusal {
        if (!state.queue().contains(id)) {
            throw new Refusal(ErrorCode.NOT_IN_QUEUE, "'" + id + "' is not in the queue");
        }
    }

    private static QueueReordered move(RoundtableState state, String sender, MoveInQueue c, Instant now)
            throws Refusal {
        requireQueued(state, Checks.required(c.target(), "target"));
        Direction direction = Checks.required(c.direction(), "direction");
        List<String> queue = new ArrayList<>(state.queue());
        int from = queue.indexOf(c.target());
        int to = direction == Direction.UP ? from - 1 : from + 1;
        if (to < 0 || to >= queue.size()) {
            throw new Refusal(ErrorCode.CANNOT_MOVE, "'" + c.target() + "' is already at the "
                    + (direction == Direction.UP ? "head" : "tail") + " of the queue");
        }
        queue.set(from, queue.get(to));
        queue.set(to, c.target());
        return new QueueReordered(now, queue, sender);
    }

    private static QueueReordered moveToHead(RoundtableState state, String sender, MoveToHead c, Instant now)
            throws Refusal {
        ParticipantState p = Checks.minister(Checks.member(state, c.target()));
        if (state.floorHolder().filter(p.id()::equals).isPresent()) {
            throw new Refusal(ErrorCode.ALREADY_HOLDS_FLOOR, "'" + p.id() + "' holds the floor");
        }
        List<String> queue = new ArrayList<>(state.queue());
        if (!queue.isEmpty() && queue.get(0).equals(p.id())) {
            throw new Refusal(ErrorCode.CANNOT_MOVE, "'" + p.id() + "' is already at the head of the queue");
        }
        queue.remove(p.id());
        queue.add(0, p.id());
        return new QueueReordered(now, queue, sender);
    }
}
