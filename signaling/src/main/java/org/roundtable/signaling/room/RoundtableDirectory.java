package org.roundtable.signaling.room;

import io.vertx.core.Context;
import io.vertx.core.Future;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.roundtable.moderation.journal.JournalStore;
import org.roundtable.moderation.model.Settings;
import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.signaling.auth.Role;
import org.roundtable.signaling.moderation.RoomModeration;

/**
 * The roundtables of this server. Each room's moderation domain (journal, roles, queue, floor) is
 * opened on first use and stays open while the server runs, so organisers can prepare a room over
 * HTTP and a room emptied by a network failure keeps its floor; its live part (conference,
 * sessions) opens on first join and closes when the last participant leaves. Confined to the
 * signaling event loop, except the census counters which metrics read from any thread.
 */
public final class RoundtableDirectory {

    private final MediaServer media;
    private final Context context;
    private final JournalStore journals;
    private final Settings defaults;
    private final InstantSource clock;
    private final Map<String, RoomModeration> moderations = new HashMap<>();
    private final Map<String, Roundtable> byRoom = new HashMap<>();
    private final Map<Role, AtomicInteger> census = new EnumMap<>(Role.class);
    private final AtomicInteger liveRoundtables = new AtomicInteger();
    private final AtomicLong conferenceGeneration = new AtomicLong();
    /** Distinguishes this server's conferences from a previous run's in a media server that outlived it. */
    private final String bootId = Long.toString(System.nanoTime() & 0xFFFFFFFFL, 36);
    private final Map<Participant, Role> counted = new IdentityHashMap<>();

    public RoundtableDirectory(MediaServer media, Context context, JournalStore journals, Settings defaults,
                               InstantSource clock) {
        this.media = media;
        this.context = context;
        this.journals = journals;
        this.defaults = defaults;
        this.clock = clock;
        for (Role role : Role.values()) {
            census.put(role, new AtomicInteger());
        }
    }

    /**
     * Adds the participant to its room's roundtable, opening it if needed; completes once it is
     * welcomed, or fails ({@link Roundtable.EntryRefused} when the moderation domain refuses it).
     */
    public Future<Roundtable> join(String room, Participant participant, Role tokenRole) {
        Roundtable roundtable = byRoom.computeIfAbsent(room, this::open);
        return roundtable.join(participant, org.roundtable.moderation.model.Role.valueOf(tokenRole.name()))
                .map(v -> roundtable);
    }

    /** The room's moderation domain, opened (replayed from its journal) if needed. */
    public RoomModeration moderation(String room) {
        return moderations.computeIfAbsent(room, r -> RoomModeration.open(r, context, journals, defaults, clock));
    }

    public int participants(Role role) {
        return census.get(role).get();
    }

    public int roundtables() {
        return liveRoundtables.get();
    }

    /** Frees every live conference in the media server, then closes every room's journal (after the commands already queued). */
    public Future<Void> close() {
        List.copyOf(byRoom.values()).forEach(Roundtable::shutDown);
        List<Future<Void>> closing = new ArrayList<>();
        moderations.values().forEach(m -> closing.add(m.close()));
        moderations.clear();
        return Future.join(closing).mapEmpty();
    }

    private Roundtable open(String room) {
        ContextConferenceListener listener = new ContextConferenceListener(context);
        // A fresh conference id per opening (and per server run): a closing conference never receives the next session's endpoints.
        String conferenceId = room + "~" + bootId + "." + conferenceGeneration.incrementAndGet();
        ConferenceHandle conference = media.conference(conferenceId, listener);
        Roundtable roundtable = new Roundtable(room, conference, membership, moderation(room));
        listener.bind(roundtable);
        liveRoundtables.incrementAndGet();
        return roundtable;
    }

    private final Roundtable.Membership membership = new Roundtable.Membership() {
        @Override
        public void joined(Participant p) {
            counted.put(p, p.role());
            census.get(p.role()).incrementAndGet();
        }

        @Override
        public void left(Participant p) {
            Role role = counted.remove(p); // the role it was counted as: promotions happen meanwhile
            if (role != null) {
                census.get(role).decrementAndGet();
            }
        }

        @Override
        public void emptied(Roundtable roundtable) {
            if (byRoom.remove(roundtable.room(), roundtable)) {
                liveRoundtables.decrementAndGet();
            }
        }
    };
}
