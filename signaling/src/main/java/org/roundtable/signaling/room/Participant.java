package org.roundtable.signaling.room;

import java.util.List;

import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.message.ServerMessages.ParticipantView;

/** One person in a roundtable. Confined to the signaling event loop. */
public final class Participant {

    private final String id;
    private final String name;
    private final Role role;
    private final ParticipantChannel channel;
    private EndpointHandle endpoint;
    private boolean audioMuted;
    private boolean videoMuted;
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

    void attach(EndpointHandle endpoint) {
        this.endpoint = endpoint;
    }

    void setAudioMuted(boolean muted) {
        audioMuted = muted;
    }

    void setVideoMuted(boolean muted) {
        videoMuted = muted;
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
