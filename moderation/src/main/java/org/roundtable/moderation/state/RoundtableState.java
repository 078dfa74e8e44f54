package org.roundtable.moderation.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roundtable.moderation.model.Settings;

/**
 * Everything a roundtable knows, changed only by {@link EventApplier}; the rules read it to decide.
 * Confined to the roundtable's thread.
 */
public final class RoundtableState {
    private final String room;
    private Settings settings;
    private Instant openedAt;
    private Instant endedAt;
    private final Map<String, ParticipantState> participants = new LinkedHashMap<>();
    private final List<String> queue = new ArrayList<>();
    private final Set<String> banned = new LinkedHashSet<>();
    private final List<Intervention> interventions = new ArrayList<>();
    private final Map<String, Integer> handRaises = new HashMap<>();

    public RoundtableState(String room, Settings settings) {
        this.room = room;
        this.settings = settings;
    }

    public String room() {
        return room;
    }

    public Settings settings() {
        return settings;
    }

    /** Null until the opening event has been applied. */
    public Instant openedAt() {
        return openedAt;
    }

    /** Null while the roundtable runs. */
    public Instant endedAt() {
        return endedAt;
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    public Optional<ParticipantState> participant(String id) {
        return Optional.ofNullable(participants.get(id));
    }

    /** Every participant ever seen, including those gone, in order of first arrival. */
    public Collection<ParticipantState> participants() {
        return Collections.unmodifiableCollection(participants.values());
    }

    /** Speaker queue, head first. */
    public List<String> queue() {
        return Collections.unmodifiableList(queue);
    }

    /** The first connected participant in the queue: who "next" means. */
    public Optional<String> nextSpeaker() {
        return queue.stream()
                .filter(id -> participant(id).map(ParticipantState::isConnected).orElse(false))
                .findFirst();
    }

    public Set<String> banned() {
        return Collections.unmodifiableSet(banned);
    }

    public List<Intervention> interventions() {
        return Collections.unmodifiableList(interventions);
    }

    public Optional<Intervention> currentIntervention() {
        if (interventions.isEmpty()) {
            return Optional.empty();
        }
        Intervention last = interventions.get(interventions.size() - 1);
        return last.isOpen() ? Optional.of(last) : Optional.empty();
    }

    public Optional<String> floorHolder() {
        return currentIntervention().map(Intervention::participantId);
    }

    public int handRaises(String participantId) {
        return handRaises.getOrDefault(participantId, 0);
    }

    // Mutators, package-private: only EventApplier changes state.

    void open(Instant at, Settings openingSettings) {
        openedAt = at;
        settings = openingSettings;
    }

    void end(Instant at) {
        endedAt = at;
    }

    void setSettings(Settings newSettings) {
        settings = newSettings;
    }

    void putParticipant(ParticipantState participant) {
        participants.put(participant.id(), participant);
    }

    List<String> mutableQueue() {
        return queue;
    }

    void countHandRaise(String participantId) {
        handRaises.merge(participantId, 1, Integer::sum);
    }

    void ban(String participantId) {
        banned.add(participantId);
    }

    void addIntervention(Intervention intervention) {
        interventions.add(intervention);
    }
}
