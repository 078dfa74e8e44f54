package org.roundtable.moderation.policy;

import org.roundtable.moderation.model.AudioPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.ParticipantState;

/**
 * Decides whether the SFU must forward a participant's media: viewers and participants not in the
 * roundtable never; force-muted or self-muted media never; under the {@code FLOOR} audio policy
 * only the floor holder's and moderators' audio. Video is not restricted by the audio policy.
 * Stateless, pure.
 */
public final class MediaPolicy {

    private MediaPolicy() {
    }

    public static Forwarding decide(ParticipantState participant, AudioPolicy audioPolicy, boolean holdsFloor) {
        return decide(participant.role(), participant.isConnected(),
                participant.isEnabled(Medium.AUDIO) && !participant.isForceMuted(Medium.AUDIO),
                participant.isEnabled(Medium.VIDEO) && !participant.isForceMuted(Medium.VIDEO),
                audioPolicy, holdsFloor);
    }

    /**
     * @param audioAllowed the participant has its microphone on and is not force-muted
     * @param videoAllowed the participant has its camera on and is not force-muted
     */
    public static Forwarding decide(Role role, boolean connected, boolean audioAllowed, boolean videoAllowed,
                                    AudioPolicy audioPolicy, boolean holdsFloor) {
        if (!connected || role == Role.VIEWER) {
            return Forwarding.NONE;
        }
        boolean heard = audioPolicy == AudioPolicy.OPEN || role == Role.MODERATOR || holdsFloor;
        return new Forwarding(audioAllowed && heard, videoAllowed);
    }
}
