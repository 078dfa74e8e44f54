package org.roundtable.moderation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roundtable.moderation.model.Medium.AUDIO;
import static org.roundtable.moderation.model.Medium.VIDEO;
import static org.roundtable.moderation.model.Role.MINISTER;
import static org.roundtable.moderation.model.Role.MODERATOR;
import static org.roundtable.moderation.model.Role.VIEWER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roundtable.moderation.Fixture;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.*;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Role;
import org.roundtable.moderation.model.Settings;

/**
 * The role x command matrix, written out here independently of {@link Permissions}: every command
 * from every role, in a roundtable where the command is otherwise valid. Allowed means accepted;
 * not allowed means NOT_PERMITTED and nothing changed.
 */
class PermissionMatrixTest {
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> MINISTER_ONLY = EnumSet.of(MINISTER);
    private static final Set<Role> SPEAKERS = EnumSet.of(MODERATOR, MINISTER);
    private static final Set<Role> MODERATOR_ONLY = EnumSet.of(MODERATOR);
    private static final String ACTOR = "actor";

    private record Row(Command command, Set<Role> allowed, Consumer<Fixture> prepare) {
        Row(Command command, Set<Role> allowed) {
            this(command, allowed, f -> { });
        }
    }

    private static final List<Row> MATRIX = List.of(
            new Row(new Leave(), ALL),
            new Row(new Disconnect(), ALL),
            new Row(new Reconnect(), ALL, f -> f.roundtable.handle(ACTOR, new Disconnect())),
            new Row(new RaiseHand(), MINISTER_ONLY),
            new Row(new LowerHand(), MINISTER_ONLY, f -> f.roundtable.handle(ACTOR, new RaiseHand())),
            new Row(new YieldFloor(), SPEAKERS, f -> f.roundtable.handle("mod2", new GrantFloor(ACTOR, null))),
            new Row(new SetMedia(AUDIO, false), SPEAKERS),
            new Row(new RemoveFromQueue("m1"), MODERATOR_ONLY),
            new Row(new MoveInQueue("m1", Direction.DOWN), MODERATOR_ONLY),
            new Row(new MoveToHead("m3"), MODERATOR_ONLY),
            new Row(new GrantFloor("m1", null), MODERATOR_ONLY),
            new Row(new RevokeFloor(), MODERATOR_ONLY),
            new Row(new PassFloor(), MODERATOR_ONLY),
            new Row(new ChangeRole("v1", MINISTER), MODERATOR_ONLY),
            new Row(new RequestMute("m1", AUDIO), MODERATOR_ONLY),
            new Row(new RequestMuteAllMinisters(VIDEO), MODERATOR_ONLY),
            new Row(new ForceMute("m1", AUDIO), MODERATOR_ONLY),
            new Row(new ForceMuteAllMinisters(VIDEO), MODERATOR_ONLY),
            new Row(new LiftForceMute("m3", AUDIO), MODERATOR_ONLY),
            new Row(new LiftForceMuteAllMinisters(AUDIO), MODERATOR_ONLY),
            new Row(new Admit("l1"), MODERATOR_ONLY),
            new Row(new Deny("l1"), MODERATOR_ONLY),
            new Row(new RemoveParticipant("v1", true), MODERATOR_ONLY),
            new Row(new ChangeSettings(Settings.defaults()), MODERATOR_ONLY),
            new Row(new SetLocked(true), MODERATOR_ONLY),
            new Row(new EndRoundtable(), MODERATOR_ONLY));

    static Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Role.values()).map(role -> Arguments.of(
                row.command().getClass().getSimpleName(), role, row)));
    }

    /** A moderator, three ministers (m1 and m3 queued, m2 speaking, m3 force-muted), a viewer, a minister in the lobby. */
    private static Fixture roundtableWith(Role actorRole) {
        Fixture f = new Fixture().join("mod2", MODERATOR).join(ACTOR, actorRole)
                .join("m1", MINISTER).join("m2", MINISTER).join("m3", MINISTER).join("v1", VIEWER);
        f.accept("mod2", new ChangeSettings(Settings.defaults().withLobby(true, false)));
        f.join("l1", MINISTER);
        f.accept("m1", new RaiseHand());
        f.accept("m3", new RaiseHand());
        f.accept("mod2", new GrantFloor("m2", null));
        f.accept("mod2", new ForceMute("m3", AUDIO));
        return f;
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cells")
    void roleMayOrMayNotSendCommand(String name, Role role, Row row) {
        Fixture f = roundtableWith(role);
        row.prepare().accept(f);
        if (row.allowed().contains(role)) {
            f.accept(ACTOR, row.command());
        } else {
            f.refuse(ACTOR, row.command(), ErrorCode.NOT_PERMITTED);
        }
        assertEquals(row.allowed(), Permissions.allowedRoles(row.command()));
    }

    @Test
    void matrixCoversEveryCommandButJoin() {
        Set<String> covered = MATRIX.stream().map(r -> r.command().getClass().getSimpleName())
                .collect(Collectors.toSet());
        Set<String> all = Arrays.stream(Command.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .filter(n -> !n.equals("Join")).collect(Collectors.toSet());
        assertEquals(all, covered);
    }

    @ParameterizedTest
    @MethodSource("roles")
    void anyRoleMayJoin(Role role) {
        Fixture f = new Fixture();
        f.accept("newcomer", new Join("Newcomer", role));
        assertEquals(role, f.roundtable.state().participant("newcomer").orElseThrow().role());
    }

    static Stream<Role> roles() {
        return Arrays.stream(Role.values());
    }
}
