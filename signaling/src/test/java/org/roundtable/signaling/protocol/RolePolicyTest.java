package org.roundtable.signaling.protocol;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.roundtable.signaling.auth.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolePolicyTest {

    @Test
    void onlyPublishersMayPublishOrMute() {
        for (Role role : new Role[] {Role.MODERATOR, Role.MINISTER}) {
            assertEquals(Optional.empty(), RolePolicy.refusal(role, "publish"));
            assertEquals(Optional.empty(), RolePolicy.refusal(role, "mute"));
        }
        assertTrue(RolePolicy.refusal(Role.VIEWER, "publish").orElseThrow().contains("viewer"));
        assertTrue(RolePolicy.refusal(Role.VIEWER, "mute").isPresent());
    }

    @Test
    void everyoneMaySubscribePingAndLeave() {
        for (Role role : Role.values()) {
            for (String type : new String[] {"subscribe", "ping", "leave"}) {
                assertEquals(Optional.empty(), RolePolicy.refusal(role, type), role + " " + type);
            }
        }
    }
}
