package org.roundtable.signaling.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.roundtable.signaling.auth.Role;

class AudienceTest {

    @Test
    void onlyModeratorsAreToldAboutViewersEveryoneAboutTheStage() {
        for (Role recipient : Role.values()) {
            assertEquals(true, Audience.tells(recipient, Role.MODERATOR), recipient + " about a moderator");
            assertEquals(true, Audience.tells(recipient, Role.MINISTER), recipient + " about a minister");
            assertEquals(recipient == Role.MODERATOR, Audience.tells(recipient, Role.VIEWER), recipient + " about a viewer");
            assertEquals(recipient == Role.MODERATOR, Audience.seesEveryone(recipient), recipient + " sees everyone");
        }
    }
}
