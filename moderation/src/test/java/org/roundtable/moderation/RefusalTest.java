package org.roundtable.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.moderation.model.Medium.AUDIO;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;
import static org.roundtable.moderation.model.Role.VIEWER;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.Admit;
import org.roundtable.moderation.command.Command.ChangeRole;
import org.roundtable.moderation.command.Command.ChangeSettings;
import org.roundtable.moderation.command.Command.Direction;
import org.roundtable.moderation.command.Command.Disconnect;
import org.roundtable.moderation.command.Command.ForceMute;
import org.roundtable.moderation.command.Command.ForceMuteAllMinisters;
import org.roundtable.moderation.command.Command.GrantFloor;
import org.roundtable.moderation.command.Command.Join;
import org.roundtable.moderation.command.Command.LiftForceMute;
import org.roundtable.moderation.command.Command.LowerHand;
import org.roundtable.moderation.command.Command.MoveInQueue;
import org.roundtable.moderation.command.Command.MoveToHead;
import org.roundtable.moderation.command.Command.PassFloor;
import org.roundtable.moderation.command.Command.RaiseHand;
import org.roundtable.moderation.command.Command.Reconnect;
import org.roundtable.moderation.command.Command.RemoveFromQueue;
import org.roundtable.moderation.command.Command.RemoveParticipant;
import org.roundtable.moderation.command.Command.RequestMute;
import org.roundtable.moderation.command.Command.RequestMuteAllMinisters;
import org.roundtable.moderation.command.Command.RevokeFloor;
import org.roundtable.moderation.command.Command.YieldFloor;
import org.roundtable.moderation.event.Event.RoundtableOpened;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Settings;

/** Commands the sender's role allows but the state does not: a clear code, and nothing changes. */
class RefusalTest {
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture().join("mod", MODERATOR).join("ann", MINISTER).join("bob", MINISTER).join("vic", VIEWER);
    }

    @Test
    void badInput() {
        f.refuse(null, new RaiseHand(), ErrorCode.INVALID_ARGUMENT);
        f.refuse("ann", null, ErrorCode.INVALID_ARGUMENT);
        f.refuse("x", new Join(" ", MINISTER), ErrorCode.INVALID_ARGUMENT);
        f.refuse("x", new Join("X", null), ErrorCode.INVALID_ARGUMENT);
        f.refuse("system", new Join("System", MODERATOR), ErrorCode.INVALID_ARGUMENT);
        f.refuse("x".repeat(129), new Join("X", VIEWER), ErrorCode.INVALID_ARGUMENT);
        f.refuse("mod", new GrantFloor("ann", Duration.ZERO), ErrorCode.INVALID_ARGUMENT);
        f.refuse("mod", new GrantFloor("ann", Duration.ofHours(13)), ErrorCode.INVALID_ARGUMENT);
        f.refuse("mod", new RequestMute(null, AUDIO), ErrorCode.INVALID_ARGUMENT);
        f.refuse("mod", new ForceMute("ann", null), ErrorCode.INVALID_ARGUMENT);
        f.refuse("mod", new ChangeSettings(null), ErrorCode.INVALID_ARGUMENT);
        f.refuse("mod", new RemoveParticipant("mod", false), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void senderStanding() {
        f.refuse("stranger", new RaiseHand(), ErrorCode.UNKNOWN_SENDER);
        f.refuse("ann", new Join("Ann", MINISTER), ErrorCode.ALREADY_JOINED);
        f.refuse("ann", new Reconnect(), ErrorCode.NOT_DISCONNECTED);
        f.accept("ann", new Disconnect());
        f.refuse("ann", new RaiseHand(), ErrorCode.NOT_CONNECTED);
        f.refuse("mod", new GrantFloor("ann", null), ErrorCode.NOT_CONNECTED);
    }

    @Test
    void queue() {
        f.refuse("ann", new LowerHand(), ErrorCode.NOT_IN_QUEUE);
        f.refuse("mod", new RemoveFromQueue("ann"), ErrorCode.NOT_IN_QUEUE);
        f.accept("ann", new RaiseHand());
        f.refuse("ann", new RaiseHand(), ErrorCode.ALREADY_IN_QUEUE);
        f.refuse("mod", new MoveInQueue("ann", Direction.UP), ErrorCode.CANNOT_MOVE);
        f.refuse("mod", new MoveInQueue("ann", Direction.DOWN), ErrorCode.CANNOT_MOVE);
        f.refuse("mod", new MoveInQueue("bob", Direction.UP), ErrorCode.NOT_IN_QUEUE);
        f.refuse("mod", new MoveToHead("ann"), ErrorCode.CANNOT_MOVE);
        f.refuse("mod", new MoveToHead("vic"), ErrorCode.CANNOT_SPEAK);
        f.refuse("mod", new MoveToHead("ghost"), ErrorCode.UNKNOWN_PARTICIPANT);
        f.accept("mod", new GrantFloor("bob", null));
        f.refuse("bob", new RaiseHand(), ErrorCode.ALREADY_HOLDS_FLOOR);
        f.refuse("mod", new MoveToHead("bob"), ErrorCode.ALREADY_HOLDS_FLOOR);
    }

    @Test
    void floor() {
        f.refuse("mod", new GrantFloor(null, null), ErrorCode.QUEUE_EMPTY);
        f.refuse("mod", new GrantFloor("vic", null), ErrorCode.CANNOT_SPEAK);
        f.refuse("mod", new GrantFloor("ghost", null), ErrorCode.UNKNOWN_PARTICIPANT);
        f.refuse("mod", new RevokeFloor(), ErrorCode.FLOOR_NOT_HELD);
        f.refuse("mod", new PassFloor(), ErrorCode.FLOOR_NOT_HELD);
        f.refuse("ann", new YieldFloor(), ErrorCode.FLOOR_NOT_HELD);
        f.accept("mod", new GrantFloor("ann", null));
        f.refuse("mod", new GrantFloor("ann", null), ErrorCode.ALREADY_HOLDS_FLOOR);
        f.refuse("bob", new YieldFloor(), ErrorCode.NOT_FLOOR_HOLDER);
        f.refuse("mod", new PassFloor(), ErrorCode.QUEUE_EMPTY);
        f.accept("bob", new RaiseHand());
        f.accept("bob", new Disconnect());
        f.refuse("mod", new PassFloor(), ErrorCode.QUEUE_EMPTY);
    }

    @Test
    void roles() {
        f.refuse("mod", new ChangeRole("mod", VIEWER), ErrorCode.TARGET_IS_MODERATOR);
        f.refuse("mod", new ChangeRole("ann", MODERATOR), ErrorCode.INVALID_ROLE_CHANGE);
        f.refuse("mod", new ChangeRole("ann", MINISTER), ErrorCode.INVALID_ROLE_CHANGE);
        f.refuse("mod", new ChangeRole("vic", VIEWER), ErrorCode.INVALID_ROLE_CHANGE);
        f.refuse("mod", new ChangeRole("ann", null), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void mutes() {
        f.refuse("mod", new ForceMute("mod", AUDIO), ErrorCode.TARGET_IS_MODERATOR);
        f.refuse("mod", new ForceMute("vic", AUDIO), ErrorCode.CANNOT_SPEAK);
        f.refuse("mod", new RequestMute("vic", AUDIO), ErrorCode.CANNOT_SPEAK);
        f.refuse("mod", new LiftForceMute("ann", AUDIO), ErrorCode.NOT_FORCE_MUTED);
        f.accept("mod", new ForceMute("ann", AUDIO));
        f.refuse("mod", new ForceMute("ann", AUDIO), ErrorCode.ALREADY_FORCE_MUTED);
        f.accept("mod", new ForceMute("bob", AUDIO));
        f.refuse("mod", new ForceMuteAllMinisters(AUDIO), ErrorCode.ALREADY_FORCE_MUTED);
    }

    @Test
    void noMinisters() {
        Fixture empty = new Fixture().join("mod", MODERATOR).join("vic", VIEWER);
        empty.refuse("mod", new RequestMuteAllMinisters(AUDIO), ErrorCode.NO_MINISTERS);
        empty.refuse("mod", new ForceMuteAllMinisters(AUDIO), ErrorCode.NO_MINISTERS);
        empty.refuse("mod", new Command.LiftForceMuteAllMinisters(AUDIO), ErrorCode.NOT_FORCE_MUTED);
    }

    @Test
    void lobbyAndRemoval() {
        f.refuse("mod", new Admit("ann"), ErrorCode.NOT_IN_LOBBY);
        f.refuse("mod", new Admit("ghost"), ErrorCode.UNKNOWN_PARTICIPANT);
        f.accept("mod", new ChangeSettings(Settings.defaults().withLobby(true, true)));
        f.join("cat", MINISTER);
        f.refuse("mod", new GrantFloor("cat", null), ErrorCode.IN_LOBBY);
        f.refuse("cat", new Command.SetMedia(AUDIO, true), ErrorCode.IN_LOBBY);
        f.accept("cat", new Disconnect());
        f.refuse("mod", new Admit("cat"), ErrorCode.UNKNOWN_PARTICIPANT);
        f.refuse("mod", new RemoveParticipant("ghost", true), ErrorCode.UNKNOWN_PARTICIPANT);
        f.accept("ann", new Command.Leave());
        f.refuse("mod", new RemoveParticipant("ann", false), ErrorCode.UNKNOWN_PARTICIPANT);
        f.accept("mod", new RemoveParticipant("ann", true));
        f.refuse("mod", new RemoveParticipant("ann", true), ErrorCode.UNKNOWN_PARTICIPANT);
        assertFalse(f.roundtable.snapshot().banned().isEmpty());
    }

    @Test
    void journalFailureChangesNothing() throws Exception {
        Roundtable broken = Roundtable.restore("r", Settings.defaults(),
                List.of(new RoundtableOpened(ManualClock.START, "r", Settings.defaults())), new ManualClock(),
                events -> {
                    throw new IOException("disk full");
                });
        Outcome outcome = broken.handle("ann", new Join("Ann", MINISTER));
        assertEquals(new Outcome.Rejected(ErrorCode.JOURNAL_UNAVAILABLE, "journal write failed: disk full"), outcome);
        assertTrue(broken.snapshot().participants().isEmpty());
        assertEquals(Map.of(ErrorCode.JOURNAL_UNAVAILABLE, 1L), broken.refusalCounts());
    }

    @Test
    void refusalsAreCounted() {
        f.refuse("stranger", new RaiseHand(), ErrorCode.UNKNOWN_SENDER);
        f.refuse("ann", new LowerHand(), ErrorCode.NOT_IN_QUEUE);
        f.refuse("bob", new LowerHand(), ErrorCode.NOT_IN_QUEUE);
        assertEquals(Map.of(ErrorCode.UNKNOWN_SENDER, 1L, ErrorCode.NOT_IN_QUEUE, 2L), f.roundtable.refusalCounts());
    }
}
