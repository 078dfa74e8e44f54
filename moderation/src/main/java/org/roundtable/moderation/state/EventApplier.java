package org.roundtable.moderation.state;

import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.FloorEnded;
import org.roundtable.moderation.event.Event.FloorGranted;
import org.roundtable.moderation.event.Event.ForceMuteLifted;
import org.roundtable.moderation.event.Event.ForceMuteSet;
import org.roundtable.moderation.event.Event.HandLowered;
import org.roundtable.moderation.event.Event.HandRaised;
import org.roundtable.moderation.event.Event.MediaChanged;
import org.roundtable.moderation.event.Event.MuteRequested;
import org.roundtable.moderation.event.Event.ParticipantAdmitted;
import org.roundtable.moderation.event.Event.ParticipantDenied;
import org.roundtable.moderation.event.Event.ParticipantDisconnected;
import org.roundtable.moderation.event.Event.ParticipantJoined;
import org.roundtable.moderation.event.Event.ParticipantLeft;
import org.roundtable.moderation.event.Event.ParticipantReconnected;
import org.roundtable.moderation.event.Event.ParticipantRemoved;
import org.roundtable.moderation.event.Event.QueueReordered;
import org.roundtable.moderation.event.Event.RoleChanged;
import org.roundtable.moderation.event.Event.RoundtableEnded;
import org.roundtable.moderation.event.Event.RoundtableOpened;
import org.roundtable.moderation.event.Event.SettingsChanged;
import org.roundtable.moderation.event.Event.TimeExpired;
import org.roundtable.moderation.event.Event.TimeWarning;

/**
 * Applies events to a state. Events are facts, so applying never refuses: an event naming an unknown
 * participant (a damaged journal) changes nothing. Each event is self-contained: the rules emit
 * the hand-lowering and floor-ending events that a removal implies. Stateless.
 */
public final class EventApplier {

    private EventApplier() {
    }

    public static void apply(RoundtableState state, Event event) {
        if (event instanceof RoundtableOpened e) {
            state.open(e.at(), e.settings());
        } else if (event instanceof ParticipantJoined e) {
            join(state, e);
        } else if (event instanceof ParticipantAdmitted e) {
            setPresence(state, e.participantId(), Presence.CONNECTED);
        } else if (event instanceof ParticipantDenied e) {
            setPresence(state, e.participantId(), Presence.GONE);
        } else if (event instanceof ParticipantLeft e) {
            setPresence(state, e.participantId(), Presence.GONE);
        } else if (event instanceof ParticipantDisconnected e) {
            setPresence(state, e.participantId(), Presence.DISCONNECTED);
        } else if (event instanceof ParticipantReconnected e) {
            setPresence(state, e.participantId(), Presence.CONNECTED);
        } else if (event instanceof ParticipantRemoved e) {
            setPresence(state, e.participantId(), Presence.GONE);
            if (e.banned()) {
                state.ban(e.participantId());
            }
        } else if (event instanceof RoleChanged e) {
            state.participant(e.participantId()).ifPresent(p -> p.setRole(e.to()));
        } else if (event instanceof HandRaised e) {
            if (!state.mutableQueue().contains(e.participantId())) {
                state.mutableQueue().add(e.participantId());
                state.countHandRaise(e.participantId());
            }
        } else if (event instanceof HandLowered e) {
            state.mutableQueue().remove(e.participantId());
        } else if (event instanceof QueueReordered e) {
            state.mutableQueue().clear();
            state.mutableQueue().addAll(e.queue());
        } else if (event instanceof FloorGranted e) {
            grant(state, e);
        } else if (event instanceof FloorEnded e) {
            state.currentIntervention().filter(i -> i.number() == e.intervention())
                    .ifPresent(i -> i.close(e.at(), e.reason(), e.by()));
        } else if (event instanceof TimeWarning e) {
            state.currentIntervention().filter(i -> i.number() == e.intervention())
                    .ifPresent(i -> warn(i, e));
        } else if (event instanceof TimeExpired e) {
            state.currentIntervention().filter(i -> i.number() == e.intervention())
                    .ifPresent(Intervention::markExpired);
        } else if (event instanceof MediaChanged e) {
            state.participant(e.participantId()).ifPresent(p -> p.setEnabled(e.medium(), e.enabled()));
        } else if (event instanceof MuteRequested) {
            // A request only: the participant's client mutes and reports it with SetMedia.
        } else if (event instanceof ForceMuteSet e) {
            state.participant(e.participantId()).ifPresent(p -> p.setForceMuted(e.medium(), true));
        } else if (event instanceof ForceMuteLifted e) {
            state.participant(e.participantId()).ifPresent(p -> p.setForceMuted(e.medium(), false));
        } else if (event instanceof SettingsChanged e) {
            state.setSettings(e.settings());
        } else if (event instanceof RoundtableEnded e) {
            state.end(e.at());
            state.participants().stream().filter(p -> p.presence() != Presence.GONE)
                    .forEach(p -> p.setPresence(Presence.GONE));
            state.mutableQueue().clear();
        }
    }

    private static void join(RoundtableState state, ParticipantJoined e) {
        Presence presence = e.inLobby() ? Presence.LOBBY : Presence.CONNECTED;
        ParticipantState known = state.participant(e.participantId()).orElse(null);
        if (known == null) {
            state.putParticipant(new ParticipantState(e.participantId(), e.displayName(), e.role(), presence));
        } else {
            known.rejoin(e.displayName(), e.role(), presence);
        }
    }

    private static void setPresence(RoundtableState state, String participantId, Presence presence) {
        state.participant(participantId).ifPresent(p -> p.setPresence(presence));
    }

    private static void grant(RoundtableState state, FloorGranted e) {
        state.mutableQueue().remove(e.participantId());
        state.addIntervention(new Intervention(e.intervention(), e.participantId(), e.by(), e.at(),
                e.allotted(), e.warningsBeforeEnd()));
    }

    private static void warn(Intervention intervention, TimeWarning e) {
        int index = intervention.warningsBeforeEnd().indexOf(e.remaining());
        while (intervention.warningsEmitted() <= index) {
            intervention.warningEmitted();
        }
    }
}
