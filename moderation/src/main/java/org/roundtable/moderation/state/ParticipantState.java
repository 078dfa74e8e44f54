package org.roundtable.moderation.state;

import java.util.EnumSet;
import java.util.Set;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.model.Role;

/** One participant as the roundtable sees it. Confined to the roundtable's thread. */
public final class ParticipantState {
    private final String id;
    private String displayName;
    private Role role;
    private Presence presence;
    private boolean everAdmitted;
    private final Set<Medium> enabledMedia = EnumSet.allOf(Medium.class);
    private final Set<Medium> forceMuted = EnumSet.noneOf(Medium.class);

    ParticipantState(String id, String displayName, Role role, Presence presence) {
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.presence = presence;
        this.everAdmitted = presence == Presence.CONNECTED;
    }

    /** A rejoin after leaving turns media back on; a force-mute stays, or leaving would lift it. */
    void rejoin(String newDisplayName, Role newRole, Presence newPresence) {
        displayName = newDisplayName;
        role = newRole;
        presence = newPresence;
        everAdmitted |= newPresence == Presence.CONNECTED;
        enabledMedia.addAll(EnumSet.allOf(Medium.class));
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Presence presence() {
        return presence;
    }

    /** In the roundtable proper (admitted), connected or not. */
    public boolean isMember() {
        return presence == Presence.CONNECTED || presence == Presence.DISCONNECTED;
    }

    public boolean isConnected() {
        return presence == Presence.CONNECTED;
    }

    /** Whether the participant itself has this medium switched on. */
    public boolean isEnabled(Medium medium) {
        return enabledMedia.contains(medium);
    }

    public boolean isForceMuted(Medium medium) {
        return forceMuted.contains(medium);
    }

    void setRole(Role newRole) {
        role = newRole;
    }

    /** Took part in the roundtable at some point (not only waited in the lobby): it belongs in the record. */
    public boolean wasAdmitted() {
        return everAdmitted;
    }

    void setPresence(Presence newPresence) {
        presence = newPresence;
        everAdmitted |= newPresence == Presence.CONNECTED;
    }

    void setEnabled(Medium medium, boolean enabled) {
        if (enabled) {
            enabledMedia.add(medium);
        } else {
            enabledMedia.remove(medium);
        }
    }

    void setForceMuted(Medium medium, boolean muted) {
        if (muted) {
            forceMuted.add(medium);
        } else {
            forceMuted.remove(medium);
        }
    }
}
