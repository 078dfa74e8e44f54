package org.roundtable.signaling.room;

import io.vertx.core.Context;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.roundtable.sfu.api.ConferenceHandle;
import org.roundtable.sfu.api.MediaServer;
import org.roundtable.signaling.auth.Role;

/**
 * The live roundtables of this server, opened on first join and closed when the last
 * participant leaves. Confined to the signaling event loop, except the census counters which
 * metrics read from any thread.
 */
public final class RoundtableDirectory {

    private final MediaServer media;
    private final Context context;
    private final Map<String, Roundtable> byRoom = new HashMap<>();
    private final Map<Role, AtomicInteger> census = new EnumMap<>(Role.class);
    private final AtomicInteger liveRoundtables = new AtomicInteger();
    private final AtomicLong conferenceGeneration = new AtomicLong();

    public RoundtableDirectory(MediaServer media, Context context) {
        this.media = media;
        this.context = context;
        for (Role role : Role.values()) {
            census.put(role, new AtomicInteger());
        }
    }

    /** Adds the participant to its room's roundtable, opening it if needed. */
    public Roundtable join(String room, Participant participant) {
        Roundtable roundtable = byRoom.computeIfAbsent(room, this::open);
        roundtable.join(participant);
        return roundtable;
    }

    public int participants(Role role) {
        return census.get(role).get();
    }

    public int roundtables() {
        return liveRoundtables.get();
    }

    private Roundtable open(String room) {
        ContextConferenceListener listener = new ContextConferenceListener(context);
        // A fresh conference id per opening: a closing conference never receives the next session's endpoints.
        String conferenceId = room + "~" + conferenceGeneration.incrementAndGet();
        ConferenceHandle conference = media.conference(conferenceId, listener);
        Roundtable roundtable = new Roundtable(room, conference, membership);
        listener.bind(roundtable);
        liveRoundtables.incrementAndGet();
        return roundtable;
    }

    private final Roundtable.Membership membership = new Roundtable.Membership() {
        @Override
        public void joined(Participant p) {
            census.get(p.role()).incrementAndGet();
        }

        @Override
        public void left(Participant p) {
            census.get(p.role()).decrementAndGet();
        }

        @Override
        public void emptied(Roundtable roundtable) {
            if (byRoom.remove(roundtable.room(), roundtable)) {
                liveRoundtables.decrementAndGet();
            }
        }
    };
}
