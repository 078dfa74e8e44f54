package org.roundtable.signaling.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.auth.Role;

/** Decides which published tracks a participant receives. Pure. */
public final class TrackSelection {

    private TrackSelection() {
    }

    /**
     * Every track published by someone else, in publication order. Ministers and moderators
     * never receive their own tracks back; viewers publish nothing, so they receive all.
     */
    public static List<TrackInfo> tracksFor(String participantId, Role role, Collection<TrackInfo> published) {
        List<TrackInfo> selected = new ArrayList<>(published.size());
        for (TrackInfo track : published) {
            if (!track.endpointId().equals(participantId)) {
                selected.add(track);
            }
        }
        return List.copyOf(selected);
    }
}
