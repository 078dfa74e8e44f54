package org.roundtable.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.model.ErrorCode;
import org.roundtable.moderation.model.Role;

class OrganiserCommandTest {

    @Test
    void anOrganiserWhoIsNotPresentRunsModeratorCommandsAndIsRecordedAsTheirActor() {
        Fixture f = new Fixture().join("ann", Role.MINISTER);
        f.accept("ann", new Command.RaiseHand());
        Outcome outcome = f.roundtable.handleAsOrganiser("org-1", new Command.GrantFloor(null, Duration.ofMinutes(2)));
        Event.FloorGranted granted = assertInstanceOf(Event.FloorGranted.class,
                assertInstanceOf(Outcome.Accepted.class, outcome).events().get(0));
        assertEquals("ann", granted.participantId());
        assertEquals("org-1", granted.by());
        assertEquals(List.of(), f.roundtable.snapshot().queue());
    }

    @Test
    void anOrganiserCannotSendAParticipantsOwnActionsAndIsCheckedAgainstTheState() {
        Fixture f = new Fixture().join("ann", Role.MINISTER);
        Outcome raise = f.roundtable.handleAsOrganiser("org-1", new Command.RaiseHand());
        assertEquals(ErrorCode.NOT_PERMITTED, assertInstanceOf(Outcome.Rejected.class, raise).code());
        Outcome revoke = f.roundtable.handleAsOrganiser("org-1", new Command.RevokeFloor());
        assertEquals(ErrorCode.FLOOR_NOT_HELD, assertInstanceOf(Outcome.Rejected.class, revoke).code());
        f.accept("ann", new Command.RaiseHand());
        assertEquals(List.of("ann"), f.roundtable.snapshot().queue());
    }
}
