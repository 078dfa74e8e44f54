package org.roundtable.moderation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;
import static org.roundtable.moderation.model.Role.VIEWER;

import org.junit.jupiter.api.Test;
import org.roundtable.moderation.Fixture;
import org.roundtable.moderation.command.Command.ChangeRole;
import org.roundtable.moderation.command.Command.ChangeSettings;
import org.roundtable.moderation.command.Command.Disconnect;
import org.roundtable.moderation.command.Command.ForceMute;
import org.roundtable.moderation.command.Command.GrantFloor;
import org.roundtable.moderation.command.Command.SetMedia;
import org.roundtable.moderation.model.AudioPolicy;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Settings;

/** What the SFU forwards, as a pure function and as the roundtable applies it. */
class MediaPolicyTest {
    private static final Forwarding BOTH = new Forwarding(true, true);
    private static final Forwarding VIDEO_ONLY = new Forwarding(false, true);

    @Test
    void pureFunction() {
        assertEquals(BOTH, MediaPolicy.decide(MINISTER, true, true, true, AudioPolicy.OPEN, false));
        assertEquals(VIDEO_ONLY, MediaPolicy.decide(MINISTER, true, true, true, AudioPolicy.FLOOR, false));
        assertEquals(BOTH, MediaPolicy.decide(MINISTER, true, true, true, AudioPolicy.FLOOR, true));
        assertEquals(BOTH, MediaPolicy.decide(MODERATOR, true, true, true, AudioPolicy.FLOOR, false));
        assertEquals(Forwarding.NONE, MediaPolicy.decide(VIEWER, true, true, true, AudioPolicy.OPEN, true));
        assertEquals(Forwarding.NONE, MediaPolicy.decide(MINISTER, false, true, true, AudioPolicy.OPEN, true));
        assertEquals(VIDEO_ONLY, MediaPolicy.decide(MINISTER, true, false, true, AudioPolicy.OPEN, true));
        assertEquals(new Forwarding(true, false), MediaPolicy.decide(MODERATOR, true, true, false, AudioPolicy.OPEN, false));
    }

    @Test
    void roundtableFollowsFloorForceMuteRoleAndPresence() {
        Fixture f = new Fixture().join("mod", MODERATOR).join("ann", MINISTER).join("bob", MINISTER)
                .join("vic", VIEWER);
        assertEquals(BOTH, f.roundtable.forwarding("ann"));
        assertEquals(Forwarding.NONE, f.roundtable.forwarding("vic"));
        assertEquals(Forwarding.NONE, f.roundtable.forwarding("nobody"));

        f.accept("mod", new ChangeSettings(Settings.defaults().withAudioPolicy(AudioPolicy.FLOOR)));
        assertEquals(VIDEO_ONLY, f.roundtable.forwarding("ann"));
        assertEquals(BOTH, f.roundtable.forwarding("mod"));
        f.accept("mod", new GrantFloor("ann", null));
        assertEquals(BOTH, f.roundtable.forwarding("ann"));
        assertEquals(VIDEO_ONLY, f.roundtable.forwarding("bob"));

        f.accept("mod", new ForceMute("ann", Medium.AUDIO));
        assertEquals(VIDEO_ONLY, f.roundtable.forwarding("ann"), "force-mute beats the floor");
        f.accept("ann", new SetMedia(Medium.VIDEO, false));
        assertEquals(Forwarding.NONE, f.roundtable.forwarding("ann"));

        f.accept("mod", new ChangeRole("vic", MINISTER));
        assertEquals(VIDEO_ONLY, f.roundtable.forwarding("vic"), "promoted: the SFU starts taking its media");
        f.accept("bob", new Disconnect());
        assertEquals(Forwarding.NONE, f.roundtable.forwarding("bob"));
        assertEquals(VIDEO_ONLY, f.roundtable.snapshot().participants().get(3).forwarding());
    }
}
