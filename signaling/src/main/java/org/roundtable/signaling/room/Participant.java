package org.roundtable.signaling.room;

import java.util.List;

import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.message.ServerMessages.ParticipantView;

/**
 * One person's live session in a roundtable: its channel, its media endpoint, and what it has been
 * told and granted. Its role, mute state and admission mirror the moderation domain, which owns
 * them. Confined to the signaling event loop.
 */
public final class Participant {

    private final String id;
    private final String name;
    private final ParticipantChannel channel;
    private Role role;
    private EndpointHandle endpoint;
    private boolean admitted;
    private boolean audioMuted;
    private boolean videoMuted;
    private MediaGrant grant; // last applied to the endpoint; null before the first
    private List<TrackInfo> sentTracks = List.of();

    public Participant(String id, String name, Role role, ParticipantChannel channel) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.channel = channel;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The current role (a moderator may promote or demote while connected). */
    public Role role() {
        return role;
    }

    public ParticipantChannel channel() {
        return channel;
    }

    /** The media endpoint; null until the participant has joined its roundtable. */
    public EndpointHandle endpoint() {
        return endpoint;
    }

    /** In the roundtable proper (not waiting in the lobby). */
    public boolean admitted() {
        return admitted;
    }

    void attach(EndpointHandle endpoint) {
        this.endpoint = endpoint;
    }

    /** Mirrors the domain's view; true if anything clients are shown changed. */
    boolean mirror(Role newRole, boolean newAdmitted, boolean newAudioMuted, boolean newVideoMuted) {
        boolean changed = newRole != role || newAudioMuted != audioMuted || newVideoMuted != videoMuted;
        role = newRole;
        admitted = newAdmitted;
        audioMuted = newAudioMuted;
        videoMuted = newVideoMuted;
        return changed;
    }

    MediaGrant grant() {
        return grant;
    }

    void granted(MediaGrant newGrant) {
        grant = newGrant;
    }

    /** The track list this participant's client last received. */
    List<TrackInfo> sentTracks() {
        return sentTracks;
    }

    void setSentTracks(List<TrackInfo> tracks) {
        sentTracks = tracks;
    }

    public ParticipantView view() {
        return new ParticipantView(id, name, role.wireName(), audioMuted, videoMuted);
    }
}
