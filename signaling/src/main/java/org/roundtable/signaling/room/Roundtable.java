package org.roundtable.signaling.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.roundtable.moderation.Outcome;
import org.roundtable.moderation.RoundtableSnapshot;
import org.roundtable.moderation.command.Command;
import org.roundtable.moderation.event.Event;
import org.roundtable.moderation.model.Medium;
import org.roundtable.moderation.state.ParticipantState;
import org.roundtable.moderation.state.Presence;
import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.EndpointHandle;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.message.ErrorCode;
import org.roundtable.signaling.message.ServerMessages;
import org.roundtable.signaling.message.ServerMessages.ParticipantView;
import org.roundtable.signaling.moderation.ModerationJson;
import org.roundtable.signaling.moderation.RoomModeration;
import org.roundtable.signaling.moderation.Step;

/**
 * One live roundtable: its connected sessions, the tracks published in its conference, and what
 * each client has been told. The moderation domain ({@link RoomModeration}) owns roles, queue,
 * floor and mute state; after every step this class tells the clients ({@code roundtable}
 * message) and makes the SFU enforce the domain's verdicts ({@link MediaGrant}). Confined to the
 * signaling event loop; media events reach it through {@link ContextConferenceListener}.
 */
public final class Roundtable implements RoomModeration.Listener {

    private static final Logger LOG = Logger.getLogger(Roundtable.class.getName());

    private final String room;
    private final ConferenceHandle conference;
    private final Membership membership;
    private final RoomModeration moderation;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, Participant> byEndpoint = new HashMap<>();
    private final Map<String, TrackInfo> tracks = new LinkedHashMap<>();
    private int endpointSequence;
    private boolean closed;

    /** Told of arrivals and departures (the directory keeps its census and forgets empty roundtables). */
    interface Membership {
        void joined(Participant p);

        void left(Participant p);

        void emptied(Roundtable roundtable);
    }

    /** The domain refused the participant's entry (banned, locked, ended). */
    public static final class EntryRefused extends RuntimeException {
        private final String code;

        EntryRefused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    Roundtable(String room, ConferenceHandle conference, Membership membership, RoomModeration moderation) {
        this.room = room;
        this.conference = conference;
        this.membership = membership;
        this.moderation = moderation;
        moderation.listen(this);
    }

    public String room() {
        return room;
    }

    public int size() {
        return participants.size();
    }

    public RoomModeration moderation() {
        return moderation;
    }

    public List<ParticipantView> participants() {
        List<ParticipantView> views = new ArrayList<>(participants.size());
        participants.values().forEach(p -> views.add(p.view()));
        return views;
    }

    /** The participants {@code recipient} is told about (itself included). */
    private List<ParticipantView> participantsFor(Participant recipient) {
        List<ParticipantView> views = new ArrayList<>();
        for (Participant p : participants.values()) {
            if (p == recipient || Audience.tells(recipient.role(), p.role())) {
                views.add(p.view());
            }
        }
        return views;
    }

    private static JsonObject snapshotFor(Participant recipient, RoundtableSnapshot snapshot) {
        return Audience.seesEveryone(recipient.role())
                ? ModerationJson.snapshot(snapshot)
                : ModerationJson.audienceSnapshot(snapshot, recipient.id());
    }

    /** Sends {@code message}, which is about {@code subject}, to every other client told about it. */
    private void tellAbout(Participant subject, JsonObject message) {
        for (Participant p : participants.values()) {
            if (p != subject && Audience.tells(p.role(), subject.role())) {
                p.channel().send(message);
            }
        }
    }

    /**
     * Enters the participant into the domain (join, or reconnect keeping role, queue place and
     * floor), then creates its media endpoint, welcomes it with the roundtable's state and tells
     * the others. A second session of the same person replaces the first.
     * Fails with {@link EntryRefused} when the domain refuses (banned, locked, ended).
     */
    Future<Void> join(Participant newcomer, org.roundtable.moderation.model.Role tokenRole) {
        String id = newcomer.id();
        return moderation.submit(domain -> {
            Optional<ParticipantState> known = domain.state().participant(id);
            Presence presence = known.map(ParticipantState::presence).orElse(Presence.GONE);
            return switch (presence) {
                case GONE -> domain.handle(id, new Command.Join(newcomer.name(), tokenRole));
                case DISCONNECTED -> domain.handle(id, new Command.Reconnect());
                case CONNECTED, LOBBY -> new Outcome.Accepted(List.of()); // another tab, or a socket not yet seen closing
            };
        }).compose(step -> {
            if (step.outcome() instanceof Outcome.Rejected rejected) {
                emptyCheck();
                return Future.failedFuture(new EntryRefused(ModerationJson.errorCode(rejected.code()), rejected.message()));
            }
            if (closed) {
                return Future.failedFuture(new EntryRefused(ErrorCode.INTERNAL, "the roundtable closed meanwhile"));
            }
            enter(newcomer, moderation.snapshot());
            return Future.succeededFuture();
        });
    }

    private void enter(Participant newcomer, RoundtableSnapshot snapshot) {
        Participant previous = participants.get(newcomer.id());
        if (previous != null) {
            previous.channel().disconnect("replaced", "you joined this roundtable from another window");
            detach(previous);
            refreshTracks();
        }
        RoundtableSnapshot.ParticipantView self = view(snapshot, newcomer.id());
        MediaGrant grant = self == null ? MediaGrant.NONE : MediaGrant.of(self);
        mirror(newcomer, self);
        String endpointId = newcomer.id() + "." + (++endpointSequence);
        EndpointHandle endpoint;
        try {
            endpoint = conference.addEndpoint(endpointId, grant.mayPublish());
        } catch (RuntimeException e) {
            emptyCheck();
            throw e;
        }
        newcomer.attach(endpoint);
        applyGrant(newcomer, grant);
        if (previous == null) {
            tellAbout(newcomer, ServerMessages.participantJoined(newcomer.view()));
        }
        participants.put(newcomer.id(), newcomer);
        byEndpoint.put(endpointId, newcomer);
        newcomer.channel().send(ServerMessages.welcome(newcomer.view(), room, participantsFor(newcomer),
                self == null ? "connected" : ModerationJson.wire(self.presence()), snapshotFor(newcomer, snapshot)));
        sendTracks(newcomer, true);
        membership.joined(newcomer);
    }

    /** The participant's session ended: {@code left} (it said so) or {@code disconnected}/{@code media-expired}. */
    public void leave(Participant leaver, String reason) {
        if (participants.get(leaver.id()) != leaver) {
            return; // replaced or removed already
        }
        detach(leaver);
        moderation.submit(domain -> domain.handle(leaver.id(), "left".equals(reason) ? new Command.Leave() : new Command.Disconnect()));
        tellAbout(leaver, ServerMessages.participantLeft(leaver.id(), reason));
        refreshTracks();
        emptyCheck();
    }

    /** A command sent by a participant; the outcome is broadcast (if accepted) before the future completes. */
    public Future<Step> command(Participant sender, Command command) {
        return moderation.submit(domain -> domain.handle(sender.id(), command));
    }

    /** The tracks {@code participantId} may receive now (what its last {@code tracks} message listed). */
    public List<TrackInfo> currentTracksOf(String participantId) {
        Participant p = participants.get(participantId);
        return p == null ? List.of() : p.sentTracks();
    }

    @Override
    public void onStep(Step step) {
        if (closed) {
            return;
        }
        RoundtableSnapshot snapshot = step.snapshot();
        for (Event event : step.outcome().events()) {
            if (event instanceof Event.ParticipantDenied e) {
                expel(e.participantId(), "denied", "a moderator did not admit you to this roundtable");
            } else if (event instanceof Event.ParticipantRemoved e) {
                expel(e.participantId(), e.banned() ? "banned" : "removed",
                        e.banned() ? "a moderator removed you from this roundtable for good" : "a moderator removed you from this roundtable");
            }
        }
        JsonArray events = ModerationJson.events(step.outcome().events());
        if (snapshot.ended()) {
            for (Participant p : List.copyOf(participants.values())) {
                send(p, ServerMessages.roundtable(events, snapshotFor(p, snapshot)));
                expel(p.id(), "roundtable-ended", "the moderator ended the roundtable");
            }
            return;
        }
        for (Participant p : participants.values()) {
            RoundtableSnapshot.ParticipantView view = view(snapshot, p.id());
            if (view == null) {
                continue;
            }
            Role before = p.role();
            if (mirror(p, view)) {
                announceChange(p, before);
            }
            applyGrant(p, MediaGrant.of(view));
        }
        JsonObject everyone = ServerMessages.roundtable(events, ModerationJson.snapshot(snapshot));
        JsonObject audience = null;
        for (Participant p : participants.values()) {
            if (Audience.seesEveryone(p.role())) {
                send(p, everyone);
            } else if (p.role() == Role.VIEWER) {
                send(p, ServerMessages.roundtable(events, ModerationJson.audienceSnapshot(snapshot, p.id())));
            } else {
                if (audience == null) {
                    audience = ServerMessages.roundtable(events, ModerationJson.audienceSnapshot(snapshot, null));
                }
                send(p, audience);
            }
        }
        refreshTracks();
    }

    /**
     * Tells the others what changed about {@code p}. A role change across the audience line is an
     * arrival or a departure for the clients that do not see viewers.
     */
    private void announceChange(Participant p, Role before) {
        JsonObject updated = ServerMessages.participantUpdated(p.view());
        JsonObject left = null;
        for (Participant other : participants.values()) {
            if (other == p || Audience.tells(other.role(), p.role())) {
                other.channel().send(updated);
            } else if (Audience.tells(other.role(), before)) {
                if (left == null) {
                    left = ServerMessages.participantLeft(p.id(), "became-viewer");
                }
                other.channel().send(left);
            }
        }
    }

    void onTrackAdded(TrackInfo track) {
        Participant owner = byEndpoint.get(track.endpointId());
        if (closed || owner == null || participants.get(owner.id()) != owner) {
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
        Participant p = byEndpoint.get(endpointId);
        if (p != null && participants.get(p.id()) == p) {
            p.channel().disconnect(ErrorCode.MEDIA_EXPIRED, "media connection lost: " + reason);
            leave(p, "media-expired");
        }
    }

    private void send(Participant p, JsonObject message) {
        p.channel().send(message);
    }

    /** The domain took the participant out (denied, removed, ended): end its session. */
    private void expel(String participantId, String code, String message) {
        Participant p = participants.get(participantId);
        if (p == null) {
            return;
        }
        p.channel().disconnect(code, message);
        detach(p);
        tellAbout(p, ServerMessages.participantLeft(participantId, code));
        refreshTracks();
        emptyCheck();
    }

    /** Forgets the session and frees its endpoint and tracks; the domain is the caller's business. */
    private void detach(Participant p) {
        if (participants.get(p.id()) == p) {
            participants.remove(p.id());
        }
        membership.left(p);
        EndpointHandle endpoint = p.endpoint();
        if (endpoint != null) {
            byEndpoint.remove(endpoint.id());
            closeQuietly(endpoint);
            tracks.values().removeIf(t -> t.endpointId().equals(endpoint.id()));
        }
    }

    private void emptyCheck() {
        if (participants.isEmpty() && !closed) {
            closed = true;
            moderation.listen(null);
            conference.close();
            membership.emptied(this);
        }
    }

    /** The server stops: frees the conference; the domain keeps everyone as they were (the journal is replayed at the next start). */
    void shutDown() {
        if (!closed) {
            closed = true;
            moderation.listen(null);
            participants.clear();
            byEndpoint.clear();
            conference.close();
            membership.emptied(this);
        }
    }

    private static RoundtableSnapshot.ParticipantView view(RoundtableSnapshot snapshot, String id) {
        for (RoundtableSnapshot.ParticipantView p : snapshot.participants()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private static boolean mirror(Participant p, RoundtableSnapshot.ParticipantView view) {
        if (view == null) {
            return false;
        }
        return p.mirror(Role.valueOf(view.role().name()), view.presence() == Presence.CONNECTED,
                !view.audioOn() || view.forceMuted().contains(Medium.AUDIO),
                !view.videoOn() || view.forceMuted().contains(Medium.VIDEO));
    }

    /** Doing, not deciding: hands the SFU only what changed since the last grant. */
    private static void applyGrant(Participant p, MediaGrant grant) {
        EndpointHandle endpoint = p.endpoint();
        MediaGrant last = p.grant();
        if (endpoint == null || grant.equals(last)) {
            return;
        }
        try {
            if (last == null || last.mayPublish() != grant.mayPublish()) {
                endpoint.setMayPublish(grant.mayPublish());
                if (last != null && grant.mayPublish()) {
                    p.channel().send(ServerMessages.startPublishing());
                }
            }
            if (last == null || last.audioForwarded() != grant.audioForwarded()) {
                endpoint.setAudioForwarded(grant.audioForwarded());
            }
            if (last == null || last.videoForwarded() != grant.videoForwarded()) {
                endpoint.setVideoForwarded(grant.videoForwarded());
            }
            p.granted(grant);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "enforcing " + grant + " on " + endpoint.id() + " failed", e);
        }
    }

    private String ownerOf(TrackInfo track) {
        Participant owner = byEndpoint.get(track.endpointId());
        return owner == null ? null : owner.id();
    }

    private void refreshTracks() {
        participants.values().forEach(p -> sendTracks(p, false));
    }

    private void sendTracks(Participant p, boolean always) {
        List<TrackInfo> selected = TrackSelection.tracksFor(p.id(), p.admitted(), tracks.values(), this::ownerOf);
        if (always || !selected.equals(p.sentTracks())) {
            p.setSentTracks(selected);
            p.channel().send(ServerMessages.tracks(selected, this::ownerOf));
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
