package org.roundtable.signaling.room;

import org.roundtable.signaling.auth.Role;

/**
 * Who is told about whom. Viewers are the audience: moderators see each of them (to admit, promote
 * or remove them), ministers and other viewers only their number. Without this rule every viewer's
 * arrival would reach every client, and the roundtable state each client gets would list the whole
 * audience: quadratic in the audience, megabytes per join with a thousand viewers. Pure.
 */
final class Audience {
    private Audience() {
    }

    /** Whether a client in {@code recipient}'s role is told of the arrival, changes and departure of one in {@code subject}'s. */
    static boolean tells(Role recipient, Role subject) {
        return subject != Role.VIEWER || recipient == Role.MODERATOR;
    }

    /** Whether {@code recipient}'s roundtable state lists every participant (or leaves the other viewers out). */
    static boolean seesEveryone(Role recipient) {
        return recipient == Role.MODERATOR;
    }
}
