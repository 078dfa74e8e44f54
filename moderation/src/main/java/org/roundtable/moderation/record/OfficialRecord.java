package org.roundtable.moderation.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.Intervention;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.RoundtableState;

/**
 * The official record of a roundtable at one instant: who took part, who spoke, when and for how
 * long. Speaking time is time holding the floor. An intervention still open counts until
 * {@code generatedAt}. Immutable.
 *
 * @param endedAt null while the roundtable runs
 */
public record OfficialRecord(String room, Instant openedAt, Instant endedAt, Instant generatedAt,
                             List<ParticipantSummary> participants, List<InterventionEntry> interventions) {

    public OfficialRecord {
        participants = List.copyOf(participants);
        interventions = List.copyOf(interventions);
    }

    /** One participant who was admitted at some point; {@code role} is its last role. */
    public record ParticipantSummary(String participantId, String displayName, Role role, int interventions,
                                     Duration speakingTime, int handRaises) { }

    /**
     * One intervention.
     *
     * @param end       null while it is open
     * @param endReason null while it is open
     * @param endedBy   null while it is open
     */
    public record InterventionEntry(int number, String participantId, String displayName, String grantedBy,
                                    Instant start, Instant end, Duration allotted, Duration actual,
                                    FloorEndReason endReason, String endedBy) {

        /** Time spoken beyond the allotted time; zero if within it. */
        public Duration overtime() {
            Duration over = actual.minus(allotted);
            return over.isNegative() ? Duration.ZERO : over;
        }
    }

    public static OfficialRecord of(RoundtableState state, Instant now) {
        Instant until = state.endedAt() != null ? state.endedAt() : now;
        Map<String, String> names = state.participants().stream()
                .collect(Collectors.toMap(ParticipantState::id, ParticipantState::displayName));
        List<InterventionEntry> entries = state.interventions().stream()
                .map(i -> entry(i, names.getOrDefault(i.participantId(), i.participantId()), until)).toList();
        Map<String, List<InterventionEntry>> byParticipant = entries.stream()
                .collect(Collectors.groupingBy(InterventionEntry::participantId));
        List<ParticipantSummary> summaries = state.participants().stream()
                .filter(p -> p.wasAdmitted() || byParticipant.containsKey(p.id()))
                .map(p -> summary(p, byParticipant.getOrDefault(p.id(), List.of()), state.handRaises(p.id())))
                .toList();
        return new OfficialRecord(state.room(), state.openedAt(), state.endedAt(), now, summaries, entries);
    }

    private static InterventionEntry entry(Intervention i, String displayName, Instant until) {
        return new InterventionEntry(i.number(), i.participantId(), displayName, i.grantedBy(), i.start(), i.end(),
                i.allotted(), i.actual(until), i.endReason(), i.endedBy());
    }

    private static ParticipantSummary summary(ParticipantState p, List<InterventionEntry> spoken, int handRaises) {
        Duration total = spoken.stream().map(InterventionEntry::actual).reduce(Duration.ZERO, Duration::plus);
        return new ParticipantSummary(p.id(), p.displayName(), p.role(), spoken.size(), total, handRaises);
    }

    /** Total speaking time of everyone. */
    public Duration totalSpeakingTime() {
        return participants.stream().map(ParticipantSummary::speakingTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** Summaries by participant id. */
    public Map<String, ParticipantSummary> participantsById() {
        return participants.stream().collect(Collectors.toMap(ParticipantSummary::participantId,
                Function.identity()));
    }
}
