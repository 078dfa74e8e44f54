package org.roundtable.moderation.rules;

import java.time.Instant;
import java.util.List;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.ForceMute;
import org.roundtable.moderation.command.Command.ForceMuteAllMinisters;
import org.roundtable.moderation.command.Command.LiftForceMute;
import org.roundtable.moderation.command.Command.LiftForceMuteAllMinisters;
import org.roundtable.moderation.command.Command.RequestMute;
import org.roundtable.moderation.command.Command.RequestMuteAllMinisters;
import org.roundtable.moderation.command.Command.SetMedia;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.event.Event.ForceMuteLifted;
import org.roundtable.moderation.event.Event.ForceMuteSet;
import org.roundtable.moderation.event.Event.MediaChanged;
import org.roundtable.moderation.event.Event.MuteRequested;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.RoundtableState;

/** Own mute, mute requests and force-mute. Moderators cannot be force-muted. Stateless. */
final class MediaRules {

    private MediaRules() {
    }

    /** Events for a media command, or null if the command is not about media. */
    static List<Event> decide(RoundtableState state, String sender, Command command, Instant now) throws Refusal {
        if (command instanceof SetMedia c) {
            Medium medium = Checks.medium(c.medium());
            ParticipantState self = state.participant(sender).orElseThrow();
            if (c.enabled() && self.isForceMuted(medium)) {
                throw new Refusal(ErrorCode.FORCE_MUTED,
                        "a moderator muted your " + medium.name().toLowerCase() + "; ask them to lift it");
            }
            return List.of(new MediaChanged(now, sender, medium, c.enabled(), sender));
        }
        if (command instanceof RequestMute c) {
            Medium medium = Checks.medium(c.medium());
            ParticipantState p = Checks.speaker(Checks.connectedMember(state, c.target()));
            return List.of(new MuteRequested(now, p.id(), medium, sender));
        }
        if (command instanceof RequestMuteAllMinisters c) {
            Medium medium = Checks.medium(c.medium());
            List<Event> events = ministers(state).filter(ParticipantState::isConnected)
                    .<Event>map(p -> new MuteRequested(now, p.id(), medium, sender)).toList();
            return requireAny(events, ErrorCode.NO_MINISTERS, "no minister is connected");
        }
        if (command instanceof ForceMute c) {
            Medium medium = Checks.medium(c.medium());
            ParticipantState p = forceMutable(Checks.member(state, c.target()));
            if (p.isForceMuted(medium)) {
                throw new Refusal(ErrorCode.ALREADY_FORCE_MUTED, "'" + p.id() + "' is already force-muted");
            }
            return List.of(new ForceMuteSet(now, p.id(), medium, sender));
        }
        if (command instanceof ForceMuteAllMinisters c) {
            Medium medium = Checks.medium(c.medium());
            if (ministers(state).findAny().isEmpty()) {
                throw new Refusal(ErrorCode.NO_MINISTERS, "there is no minister");
            }
            List<Event> events = ministers(state).filter(p -> !p.isForceMuted(medium))
                    .<Event>map(p -> new ForceMuteSet(now, p.id(), medium, sender)).toList();
            return requireAny(events, ErrorCode.ALREADY_FORCE_MUTED, "every minister is already force-muted");
        }
        if (command instanceof LiftForceMute c) {
            Medium medium = Checks.medium(c.medium());
            ParticipantState p = Checks.member(state, c.target());
            if (!p.isForceMuted(medium)) {
                throw new Refusal(ErrorCode.NOT_FORCE_MUTED, "'" + p.id() + "' is not force-muted");
            }
            return List.of(new ForceMuteLifted(now, p.id(), medium, sender));
        }
        if (command instanceof LiftForceMuteAllMinisters c) {
            Medium medium = Checks.medium(c.medium());
            List<Event> events = ministers(state).filter(p -> p.isForceMuted(medium))
                    .<Event>map(p -> new ForceMuteLifted(now, p.id(), medium, sender)).toList();
            return requireAny(events, ErrorCode.NOT_FORCE_MUTED, "no minister is force-muted");
        }
        return null;
    }

    private static java.util.stream.Stream<ParticipantState> ministers(RoundtableState state) {
        return state.participants().stream().filter(ParticipantState::isMember)
                .filter(p -> p.role() == Role.MINISTER);
    }

    private static ParticipantState forceMutable(ParticipantState p) throws Refusal {
        if (p.role() == Role.MODERATOR) {
            throw new Refusal(ErrorCode.TARGET_IS_MODERATOR, "moderators cannot be force-muted");
        }
        return Checks.speaker(p);
    }

    private static List<Event> requireAny(List<Event> events, ErrorCode code, String message) throws Refusal {
        if (events.isEmpty()) {
            throw new Refusal(code, message);
        }
        return events;
    }
}
