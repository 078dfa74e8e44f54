package org.roundtable.signaling.room;

import org.roundtable.moderation.RoundtableSnapshot.ParticipantView;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.state.Presence;

/**
 * What the SFU must let one participant's media do: be accepted at all, and have its audio and
 * video forwarded. Decided from the moderation domain's view of the participant (its
 * {@code MediaPolicy} verdict), never from what the browser says. Pure, immutable.
 */
public record MediaGrant(boolean mayPublish, boolean audioForwarded, boolean videoForwarded) {

    public static MediaGrant of(ParticipantView p) {
        boolean mayPublish = p.role() != Role.VIEWER && p.presence() == Presence.CONNECTED;
        return new MediaGrant(mayPublish, mayPublish && p.forwarding().audio(), mayPublish && p.forwarding().video());
    }

    /** Nothing: for a participant the domain does not know (yet). */
    public static final MediaGrant NONE = new MediaGrant(false, false, false);
}
