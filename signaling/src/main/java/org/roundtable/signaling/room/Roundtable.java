package org.roundtable.signaling.room;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.message.ServerMessages.ParticipantView;

/**
 * One live roundtable: its participants, the tracks published in its conference, and what each
 * client has been told. Confined to the signaling event loop; media events reach it through
 * {@link ContextConferenceListener}.
 */
public final class Roundtable {

    private static final Logger LOG = Logger.getLogger(Roundtable.class.getName());

    private final String room;
    private final ConferenceHandle conference;
    private final Membership membership;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, TrackInfo> tracks = new LinkedHashMap<>();
    private boolean closed;

    /** Told of arrivals and departures (the directory keeps its census and forgets empty roundtables). */
    interface Membership {
        void joined(Participant p);

        void left(Participant p);

        void emptied(Roundtable roundtable);
    }

    Roundtable(String room, ConferenceHandle conference, Membership membership) {
        this.room = room;
        this.conference = conference;
        this.membership = membership;
    }

    public String room() {
        return room;
    }

    public int size() {
        return participants.size();
    }

    public List<ParticipantView> participants() {
        List<ParticipantView> views = new ArrayList<>(participants.size());
        participants.values().forEach(p -> views.add(p.view()));
        return views;
    }

    /**
     * Creates the participant's media endpoint, welcomes it, tells the others.
     * Viewers' endpoints are receive-only in the media server as well.
     */
    void join(Participant newcomer) {
        EndpointHandle endpoint;
        try {
            endpoint = conference.addEndpoint(newcomer.id(), newcomer.role().publishes());
        } catch (RuntimeException e) {
            if (participants.isEmpty()) {
                closed = true;
                conference.close();
                membership.emptied(this);
            }
            throw e;
        }
        newcomer.attach(endpoint);
        JsonObject joined = ServerMessages.participantJoined(newcomer.view());
        participants.values().forEach(p -> p.channel().send(joined));
        participants.put(newcomer.id(), newcomer);
        newcomer.channel().send(ServerMessages.welcome(newcomer.view(), room, participants()));
        sendTracks(newcomer, true);
        membership.joined(newcomer);
    }

    /** Removes the participant (no-op if already gone), frees its endpoint and its tracks. */
    public void leave(String participantId, String reason) {
        Participant leaver = participants.remove(participantId);
        if (leaver == null) {
            return;
        }
        membership.left(leaver);
        if (leaver.endpoint() != null) {
            closeQuietly(leaver.endpoint());
        }
        tracks.values().removeIf(t -> t.endpointId().equals(participantId));
        JsonObject left = ServerMessages.participantLeft(participantId, reason);
        participants.values().forEach(p -> p.channel().send(left));
        refreshTracks();
        if (participants.isEmpty()) {
            closed = true;
            conference.close();
            membership.emptied(this);
        }
    }

    /** Records the participant's own mute state and tells everyone (the sender gets its echo with {@code id}). */
    public void mute(String participantId, MediaKind kind, boolean muted, Object requestId) {
        Participant p = participants.get(participantId);
        if (p == null) {
            return;
        }
        if (kind == MediaKind.AUDIO) {
            p.setAudioMuted(muted);
        } else {
            p.setVideoMuted(muted);
        }
        JsonObject updated = ServerMessages.participantUpdated(p.view());
        for (Participant other : participants.values()) {
            other.channel().send(other == p && requestId != null ? updated.copy().put("id", requestId) : updated);
        }
    }

    /** The tracks {@code participantId} may receive now (what its last {@code tracks} message listed). */
    public List<TrackInfo> currentTracksOf(String participantId) {
        Participant p = participants.get(participantId);
        return p == null ? List.of() : p.sentTracks();
    }

    void onTrackAdded(TrackInfo track) {
        if (closed || !participants.containsKey(track.endpointId())) {
            return; // late event from an endpoint that already left
        }
        tracks.put(track.trackId(), track);
        refreshTracks();
    }

    void onTrackRemoved(TrackInfo track) {
        if (tracks.remove(track.trackId()) != null) {
            refreshTracks();
        }
    }

    void onEndpointExpired(String endpointId, String reason) {
        Participant p = participants.get(endpointId);
        if (p != null) {
            p.channel().disconnect(ErrorCode.MEDIA_EXPIRED, "media connection lost: " + reason);
            leave(endpointId, "media-expired");
        }
    }

    private void refreshTracks() {
        participants.values().forEach(p -> sendTracks(p, false));
    }

    private void sendTracks(Participant p, boolean always) {
        List<TrackInfo> selected = TrackSelection.tracksFor(p.id(), p.role(), tracks.values());
        if (always || !selected.equals(p.sentTracks())) {
            p.setSentTracks(selected);
            p.channel().send(ServerMessages.tracks(selected));
        }
    }

    private static void closeQuietly(EndpointHandle endpoint) {
        try {
            endpoint.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing endpoint " + endpoint.id() + " failed", e);
        }
    }
}
