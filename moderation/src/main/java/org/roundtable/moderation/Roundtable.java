package org.roundtable.moderation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.RoundtableOpened;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.policy.Forwarding;
import org.roundtable.moderation.policy.MediaPolicy;
import org.roundtable.moderation.record.OfficialRecord;
import org.roundtable.moderation.rules.CommandRules;
import org.roundtable.moderation.rules.Refusal;
import org.roundtable.moderation.rules.TimerRules;
import org.roundtable.moderation.state.EventApplier;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.Presence;
import org.roundtable.moderation.state.RoundtableState;

/**
 * One roundtable (one room): decides commands, journals the resulting events, then applies them.
 * Not thread-safe: confined to one thread (signaling's event loop for this room), timer ticks included.
 */
public final class Roundtable {
    private final RoundtableState state;
    private final InstantSource clock;
    private final EventSink sink;
    private final Map<ErrorCode, Long> refusals = new EnumMap<>(ErrorCode.class);

    private Roundtable(RoundtableState state, InstantSource clock, EventSink sink) {
        this.state = state;
        this.clock = clock;
        this.sink = sink;
    }

    /** A new roundtable; journals its opening with the given settings. */
    public static Roundtable open(String room, Settings settings, InstantSource clock, EventSink sink)
            throws IOException {
        return restore(room, settings, List.of(), clock, sink);
    }

    /**
     * A roundtable rebuilt from its journaled history; if the history is empty it is opened afresh
     * with {@code settings}, otherwise the journaled settings win.
     */
    public static Roundtable restore(String room, Settings settings, List<Event> history, InstantSource clock,
                                     EventSink sink) throws IOException {
        Roundtable roundtable = new Roundtable(new RoundtableState(room, settings), clock, sink);
        history.forEach(event -> EventApplier.apply(roundtable.state, event));
        if (history.isEmpty()) {
            Outcome opened = roundtable.commit(List.of(new RoundtableOpened(clock.instant(), room, settings)));
            if (opened instanceof Outcome.Rejected rejected) {
                throw new IOException(rejected.message());
            }
        }
        return roundtable;
    }

    /** Decides, journals and applies a command sent by {@code senderId}. */
    public Outcome handle(String senderId, Command command) {
        List<Event> events;
        try {
            events = CommandRules.decide(state, senderId, command, clock.instant());
        } catch (Refusal refusal) {
            return rejected(refusal.code(), refusal.getMessage());
        }
        return commit(events);
    }

    /**
     * Decides, journals and applies a moderator command from an organiser's system that is not a
     * participant (HTTP API); {@code actorId} is recorded as the events' {@code by}.
     */
    public Outcome handleAsOrganiser(String actorId, Command command) {
        List<Event> events;
        try {
            events = CommandRules.decideAsOrganiser(state, actorId, command, clock.instant());
        } catch (Refusal refusal) {
            return rejected(refusal.code(), refusal.getMessage());
        }
        return commit(events);
    }

    /** Timer events due now; call at {@link #nextDeadline()} (being early or late is harmless). */
    public Outcome tick() {
        return onClock(clock.instant());
    }

    public Outcome onClock(Instant now) {
        return commit(TimerRules.onClock(state, now));
    }

    /** When the caller should next call {@link #tick()}; empty when no timer runs. */
    public Optional<Instant> nextDeadline() {
        return TimerRules.nextDeadline(state);
    }

    /** Whether the SFU forwards this participant's audio and video now. */
    public Forwarding forwarding(String participantId) {
        return state.participant(participantId).map(this::forwarding).orElse(Forwarding.NONE);
    }

    public RoundtableSnapshot snapshot() {
        Instant now = clock.instant();
        List<RoundtableSnapshot.ParticipantView> people = state.participants().stream()
                .filter(p -> p.presence() != Presence.GONE).map(this::view).toList();
        RoundtableSnapshot.FloorView floor = state.currentIntervention().map(i -> new RoundtableSnapshot.FloorView(
                i.number(), i.participantId(), i.grantedBy(), i.start(), i.allotted(), i.deadline(),
                Duration.between(now, i.deadline()), i.isExpired())).orElse(null);
        return new RoundtableSnapshot(state.room(), now, state.settings(), state.isEnded(), people, state.queue(),
                floor, state.banned());
    }

    /** The official record so far (or final, once ended). */
    public OfficialRecord record() {
        return OfficialRecord.of(state, clock.instant());
    }

    /** Read-only use: the state's mutators are not public. */
    public RoundtableState state() {
        return state;
    }

    public String room() {
        return state.room();
    }

    /** How many commands (and ticks) were refused since this object was created, by reason; for metrics. */
    public Map<ErrorCode, Long> refusalCounts() {
        return Collections.unmodifiableMap(new EnumMap<>(refusals));
    }

    private Outcome.Rejected rejected(ErrorCode code, String message) {
        refusals.merge(code, 1L, Long::sum);
        return new Outcome.Rejected(code, message);
    }

    private Forwarding forwarding(ParticipantState p) {
        boolean holdsFloor = state.floorHolder().filter(p.id()::equals).isPresent();
        return MediaPolicy.decide(p, state.settings().audioPolicy(), holdsFloor);
    }

    private RoundtableSnapshot.ParticipantView view(ParticipantState p) {
        EnumSet<Medium> forceMuted = EnumSet.noneOf(Medium.class);
        for (Medium m : Medium.values()) {
            if (p.isForceMuted(m)) {
                forceMuted.add(m);
            }
        }
        return new RoundtableSnapshot.ParticipantView(p.id(), p.displayName(), p.role(), p.presence(),
                p.isEnabled(Medium.AUDIO), p.isEnabled(Medium.VIDEO), forceMuted, forwarding(p));
    }

    private Outcome commit(List<Event> events) {
        if (!events.isEmpty()) {
            try {
                sink.append(events);
            } catch (IOException | RuntimeException e) {
                return rejected(ErrorCode.JOURNAL_UNAVAILABLE, "journal write failed: " + e.getMessage());
            }
            events.forEach(event -> EventApplier.apply(state, event));
        }
        return new Outcome.Accepted(events);
    }
}
