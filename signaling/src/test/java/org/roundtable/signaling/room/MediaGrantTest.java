package org.roundtable.signaling.room;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roundtable.moderation.RoundtableSnapshot.ParticipantView;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.policy.Forwarding;
import org.roundtable.moderation.state.Presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MediaGrantTest {

    private static ParticipantView view(Role role, Presence presence, Forwarding forwarding) {
        return new ParticipantView("p", "P", role, presence, true, true, Set.of(), forwarding);
    }

    @Test
    void connectedSpeakersPublishAndAreForwardedAsTheDomainDecided() {
        assertEquals(new MediaGrant(true, false, true), MediaGrant.of(view(Role.MINISTER, Presence.CONNECTED, new Forwarding(false, true))));
        assertEquals(new MediaGrant(true, true, true), MediaGrant.of(view(Role.MODERATOR, Presence.CONNECTED, new Forwarding(true, true))));
    }

    @Test
    void viewersAndTheLobbyPublishNothing() {
        assertEquals(MediaGrant.NONE, MediaGrant.of(view(Role.VIEWER, Presence.CONNECTED, new Forwarding(true, true))));
        assertEquals(MediaGrant.NONE, MediaGrant.of(view(Role.MINISTER, Presence.LOBBY, new Forwarding(true, true))));
    }
}
