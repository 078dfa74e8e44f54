package org.roundtable.moderation.policy;

import java.util.EnumSet;
import java.util.Set;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.command.Command.Disconnect;
import org.roundtable.moderation.command.Command.Join;
import org.roundtable.moderation.command.Command.Leave;
import org.roundtable.moderation.command.Command.LowerHand;
import org.roundtable.moderation.command.Command.RaiseHand;
import org.roundtable.moderation.command.Command.Reconnect;
import org.roundtable.moderation.command.Command.SetMedia;
import org.roundtable.moderation.command.Command.YieldFloor;
import org.roundtable.moderation.model.Role;

/**
 * Which roles may send which command, before any look at the state (the rules check the state
 * afterwards: that the sender holds the floor, that the target exists, ...). Stateless, pure.
 */
public final class Permissions {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> SPEAKERS = EnumSet.of(Role.MODERATOR, Role.MINISTER);
    private static final Set<Role> MINISTERS = EnumSet.of(Role.MINISTER);
    private static final Set<Role> MODERATORS = EnumSet.of(Role.MODERATOR);

    private Permissions() {
    }

    /** The roles allowed to send this command; every command not listed here is moderators only. */
    public static Set<Role> allowedRoles(Command command) {
        if (command instanceof Join || command instanceof Leave
                || command instanceof Disconnect || command instanceof Reconnect) {
            return EVERYONE;
        }
        if (command instanceof RaiseHand || command instanceof LowerHand) {
            return MINISTERS;
        }
        if (command instanceof YieldFloor || command instanceof SetMedia) {
            return SPEAKERS;
        }
        return MODERATORS;
    }

    public static boolean isAllowed(Role senderRole, Command command) {
        return allowedRoles(command).contains(senderRole);
    }
}
