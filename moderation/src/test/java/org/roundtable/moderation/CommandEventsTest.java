package org.roundtable.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roundtable.moderation.model.Medium.AUDIO;
import static org.roundtable.moderation.model.Medium.VIDEO;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;
import static org.roundtable.moderation.model.Role.VIEWER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.moderation.command.Command.Admit;
import org.roundtable.moderation.command.Command.ChangeRole;
import org.roundtable.moderation.command.Command.ChangeSettings;
import org.roundtable.moderation.command.Command.Deny;
import org.roundtable.moderation.command.Command.Direction;
import org.roundtable.moderation.command.Command.Disconnect;
import org.roundtable.moderation.command.Command.EndRoundtable;
import org.roundtable.moderation.command.Command.ForceMute;
import org.roundtable.moderation.command.Command.ForceMuteAllMinisters;
import org.roundtable.moderation.command.Command.GrantFloor;
import org.roundtable.moderation.command.Command.Join;
import org.roundtable.moderation.command.Command.Leave;
import org.roundtable.moderation.command.Command.LiftForceMute;
import org.roundtable.moderation.command.Command.LiftForceMuteAllMinisters;
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
import org.roundtable.moderation.command.Command.SetLocked;
import org.roundtable.moderation.command.Command.SetMedia;
import org.roundtable.moderation.command.Command.YieldFloor;
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
import org.roundtable.moderation.event.FloorEndReason;
import org.roundtable.moderation.model.AudioPolicy;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Settings;
import org.roundtable.moderation.state.Presence;

/** Every command, accepted, gives exactly these events. */
class CommandEventsTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final List<Duration> WARNINGS = List.of(Duration.ofMinutes(1), Duration.ofSeconds(10));

    private Fixture f;
    private Instant t;

    @BeforeEach
    void setUp() {
        f = new Fixture().join("mod", MODERATOR).join("ann", MINISTER).join("bob", MINISTER).join("vic", VIEWER);
        t = f.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void openingIsJournaledFirst() {
        assertEquals(new RoundtableOpened(ManualClock.START, "council", Settings.defaults()), f.journal.get(0));
    }

    @Test
    void join() {
        assertEquals(List.of(new ParticipantJoined(t, "cat", "Cat", MINISTER, false)),
                f.accept("cat", new Join("  Cat ", MINISTER)));
    }

    @Test
    void joinLandsInTheLobbyWhenConfigured() {
        f.accept("mod", new ChangeSettings(Settings.defaults().withLobby(true, false)));
        assertEquals(List.of(new ParticipantJoined(t, "cat", "Cat", MINISTER, true)),
                f.accept("cat", new Join("Cat", MINISTER)));
        assertEquals(List.of(new ParticipantJoined(t, "val", "Val", VIEWER, false)),
                f.accept("val", new Join("Val", VIEWER)));
        assertEquals(List.of(new ParticipantJoined(t, "mo2", "Mo", MODERATOR, false)),
                f.accept("mo2", new Join("Mo", MODERATOR)));
    }

    @Test
    void leaveLowersTheHandAndEndsTheFloor() {
        f.accept("ann", new RaiseHand());
        f.accept("mod", new GrantFloor("bob", null));
        assertEquals(List.of(new FloorEnded(t, 1, "bob", FloorEndReason.LEFT, "bob"), new ParticipantLeft(t, "bob")),
                f.accept("bob", new Leave()));
        assertEquals(List.of(new HandLowered(t, "ann", "ann"), new ParticipantLeft(t, "ann")),
                f.accept("ann", new Leave()));
        assertEquals(List.of(new ParticipantLeft(t, "vic")), f.accept("vic", new Leave()));
    }

    @Test
    void disconnectAndReconnectKeepTheQueuePlace() {
        f.accept("ann", new RaiseHand());
        assertEquals(List.of(new ParticipantDisconnected(t, "ann")), f.accept("ann", new Disconnect()));
        assertEquals(List.of("ann"), f.roundtable.snapshot().queue());
        assertEquals(List.of(new ParticipantReconnected(t, "ann")), f.accept("ann", new Reconnect()));
        assertEquals(Presence.CONNECTED, f.roundtable.state().participant("ann").orElseThrow().presence());
    }

    @Test
    void raiseAndLowerHand() {
        assertEquals(List.of(new HandRaised(t, "ann")), f.accept("ann", new RaiseHand()));
        assertEquals(List.of(new HandRaised(t, "bob")), f.accept("bob", new RaiseHand()));
        assertEquals(List.of("ann", "bob"), f.roundtable.snapshot().queue());
        assertEquals(List.of(new HandLowered(t, "ann", "ann")), f.accept("ann", new LowerHand()));
        assertEquals(List.of("bob"), f.roundtable.snapshot().queue());
    }

    @Test
    void moderatorRemovesFromQueue() {
        f.accept("ann", new RaiseHand());
        assertEquals(List.of(new HandLowered(t, "ann", "mod")), f.accept("mod", new RemoveFromQueue("ann")));
    }

    @Test
    void moderatorMovesEntriesUpAndDown() {
        f.join("cat", MINISTER);
        f.accept("ann", new RaiseHand());
        f.accept("bob", new RaiseHand());
        f.accept("cat", new RaiseHand());
        assertEquals(List.of(new QueueReordered(t, List.of("ann", "cat", "bob"), "mod")),
                f.accept("mod", new MoveInQueue("cat", Direction.UP)));
        assertEquals(List.of(new QueueReordered(t, List.of("cat", "ann", "bob"), "mod")),
                f.accept("mod", new MoveInQueue("ann", Direction.DOWN)));
        assertEquals(List.of("cat", "ann", "bob"), f.roundtable.snapshot().queue());
    }

    @Test
    void moderatorPutsAnyMinisterAtTheHead() {
        f.accept("ann", new RaiseHand());
        assertEquals(List.of(new QueueReordered(t, List.of("bob", "ann"), "mod")),
                f.accept("mod", new MoveToHead("bob")));
        assertEquals(List.of(new QueueReordered(t, List.of("ann", "bob"), "mod")),
                f.accept("mod", new MoveToHead("ann")));
    }

    @Test
    void grantToHeadOfQueueUsesTheDefaultTime() {
        f.accept("ann", new RaiseHand());
        f.accept("bob", new RaiseHand());
        assertEquals(List.of(new FloorGranted(t, 1, "ann", "mod", FIVE_MINUTES, WARNINGS)),
                f.accept("mod", new GrantFloor(null, null)));
        assertEquals(List.of("bob"), f.roundtable.snapshot().queue());
        assertEquals("ann", f.roundtable.snapshot().floor().participantId());
    }

    @Test
    void grantToAnyoneWithOverrideEndsTheCurrentIntervention() {
        f.accept("mod", new GrantFloor("ann", null));
        Duration thirty = Duration.ofSeconds(30);
        assertEquals(List.of(new FloorEnded(t, 1, "ann", FloorEndReason.PASSED, "mod"),
                new FloorGranted(t, 2, "mod", "mod", thirty, List.of(Duration.ofSeconds(10)))),
                f.accept("mod", new GrantFloor("mod", thirty)));
    }

    @Test
    void revokePassAndYield() {
        f.accept("mod", new GrantFloor("ann", null));
        f.accept("bob", new RaiseHand());
        assertEquals(List.of(new FloorEnded(t, 1, "ann", FloorEndReason.PASSED, "mod"),
                new FloorGranted(t, 2, "bob", "mod", FIVE_MINUTES, WARNINGS)), f.accept("mod", new PassFloor()));
        assertEquals(List.of(new FloorEnded(t, 2, "bob", FloorEndReason.YIELDED, "bob")),
                f.accept("bob", new YieldFloor()));
        f.accept("mod", new GrantFloor("ann", null));
        assertEquals(List.of(new FloorEnded(t, 3, "ann", FloorEndReason.REVOKED, "mod")),
                f.accept("mod", new RevokeFloor()));
        assertEquals(null, f.roundtable.snapshot().floor());
    }

    @Test
    void promoteAndDemote() {
        assertEquals(List.of(new RoleChanged(t, "vic", VIEWER, MINISTER, "mod")),
                f.accept("mod", new ChangeRole("vic", MINISTER)));
        f.accept("vic", new RaiseHand());
        f.accept("mod", new GrantFloor("ann", null));
        assertEquals(List.of(new FloorEnded(t, 1, "ann", FloorEndReason.DEMOTED, "mod"),
                new RoleChanged(t, "ann", MINISTER, VIEWER, "mod")), f.accept("mod", new ChangeRole("ann", VIEWER)));
        assertEquals(List.of(new HandLowered(t, "vic", "mod"), new RoleChanged(t, "vic", MINISTER, VIEWER, "mod")),
                f.accept("mod", new ChangeRole("vic", VIEWER)));
    }

    @Test
    void ownMedia() {
        assertEquals(List.of(new MediaChanged(t, "ann", VIDEO, false, "ann")),
                f.accept("ann", new SetMedia(VIDEO, false)));
        assertFalse(f.roundtable.snapshot().participants().get(1).videoOn());
        assertEquals(List.of(new MediaChanged(t, "ann", VIDEO, true, "ann")),
                f.accept("ann", new SetMedia(VIDEO, true)));
    }

    @Test
    void muteRequests() {
        assertEquals(List.of(new MuteRequested(t, "ann", AUDIO, "mod")), f.accept("mod", new RequestMute("ann", AUDIO)));
        assertEquals(List.of(new MuteRequested(t, "ann", VIDEO, "mod"), new MuteRequested(t, "bob", VIDEO, "mod")),
                f.accept("mod", new RequestMuteAllMinisters(VIDEO)));
    }

    @Test
    void forceMuteBlocksUnmuteUntilLifted() {
        assertEquals(List.of(new ForceMuteSet(t, "ann", AUDIO, "mod")), f.accept("mod", new ForceMute("ann", AUDIO)));
        f.refuse("ann", new SetMedia(AUDIO, true), ErrorCode.FORCE_MUTED);
        assertEquals(List.of(new ForceMuteLifted(t, "ann", AUDIO, "mod")),
                f.accept("mod", new LiftForceMute("ann", AUDIO)));
        f.accept("ann", new SetMedia(AUDIO, true));
    }

    @Test
    void forceMuteSurvivesLeavingAndRejoining() {
        f.accept("mod", new ForceMute("ann", AUDIO));
        f.accept("ann", new Leave());
        f.accept("ann", new Join("Ann", MINISTER));
        f.refuse("ann", new SetMedia(AUDIO, true), ErrorCode.FORCE_MUTED);
    }

    @Test
    void forceMuteAllMinistersSkipsThoseAlreadyMuted() {
        f.accept("mod", new ForceMute("ann", VIDEO));
        assertEquals(List.of(new ForceMuteSet(t, "bob", VIDEO, "mod")),
                f.accept("mod", new ForceMuteAllMinisters(VIDEO)));
        assertEquals(List.of(new ForceMuteLifted(t, "ann", VIDEO, "mod"), new ForceMuteLifted(t, "bob", VIDEO, "mod")),
                f.accept("mod", new LiftForceMuteAllMinisters(VIDEO)));
    }

    @Test
    void admitAndDenyFromTheLobby() {
        f.accept("mod", new ChangeSettings(Settings.defaults().withLobby(true, true)));
        f.join("cat", MINISTER).join("val", VIEWER);
        f.refuse("cat", new RaiseHand(), ErrorCode.IN_LOBBY);
        assertEquals(List.of(new ParticipantAdmitted(t, "cat", "mod")), f.accept("mod", new Admit("cat")));
        assertEquals(List.of(new ParticipantDenied(t, "val", "mod")), f.accept("mod", new Deny("val")));
        f.accept("cat", new RaiseHand());
        f.refuse("val", new Leave(), ErrorCode.UNKNOWN_SENDER);
    }

    @Test
    void removeWithBanRefusesRejoin() {
        f.accept("ann", new RaiseHand());
        assertEquals(List.of(new HandLowered(t, "ann", "mod"), new ParticipantRemoved(t, "ann", "mod", true)),
                f.accept("mod", new RemoveParticipant("ann", true)));
        f.refuse("ann", new Join("Ann", MINISTER), ErrorCode.BANNED);
        assertEquals(List.of(new ParticipantRemoved(t, "bob", "mod", false)),
                f.accept("mod", new RemoveParticipant("bob", false)));
        f.accept("bob", new Join("Bob", MINISTER));
    }

    @Test
    void settingsAndLock() {
        Settings floorPolicy = Settings.defaults().withAudioPolicy(AudioPolicy.FLOOR);
        assertEquals(List.of(new SettingsChanged(t, floorPolicy, "mod")), f.accept("mod", new ChangeSettings(floorPolicy)));
        assertEquals(List.of(new SettingsChanged(t, floorPolicy.withLocked(true), "mod")),
                f.accept("mod", new SetLocked(true)));
        f.refuse("cat", new Join("Cat", MINISTER), ErrorCode.LOCKED);
        f.accept("mo2", new Join("Second moderator", MODERATOR));
    }

    @Test
    void endRoundtableEndsTheFloorAndEverything() {
        f.accept("mod", new GrantFloor("ann", null));
        assertEquals(List.of(new FloorEnded(t, 1, "ann", FloorEndReason.ROUNDTABLE_ENDED, "mod"),
                new RoundtableEnded(t, "mod")), f.accept("mod", new EndRoundtable()));
        assertTrue(f.roundtable.snapshot().ended());
        assertTrue(f.roundtable.snapshot().participants().isEmpty());
        f.refuse("ann", new RaiseHand(), ErrorCode.ROUNDTABLE_ENDED);
        f.refuse("new", new Join("New", VIEWER), ErrorCode.ROUNDTABLE_ENDED);
    }

    @Test
    void everyAcceptedEventIsJournaledInOrder() {
        int before = f.journal.size();
        List<Event> events = f.accept("ann", new RaiseHand());
        assertEquals(events, f.journal.subList(before, f.journal.size()));
    }
}
