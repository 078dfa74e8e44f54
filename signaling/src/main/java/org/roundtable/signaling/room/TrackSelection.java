package org.roundtable.signaling.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.roundtable.sfu.api.TrackInfo;

/** Decides which published tracks a participant receives. Pure. */
public final class TrackSelection {

    private TrackSelection() {
    }

    /**
     * Every track published by someone else, in publication order; nothing while waiting in the
     * lobby. Ministers and moderators never receive their own tracks back; viewers publish
     * nothing, so they receive all.
     *
     * @param ownerOf the participant id publishing a track (endpoint ids are per session)
     */
    public static List<TrackInfo> tracksFor(String participantId, boolean admitted, Collection<TrackInfo> published,
                                            Function<TrackInfo, String> ownerOf) {
        if (!admitted) {
            return List.of();
        }
        List<TrackInfo> selected = new ArrayList<>(published.size());
        for (TrackInfo track : published) {
            if (!participantId.equals(ownerOf.apply(track))) {
                selected.add(track);
            }
        }
        return List.copyOf(selected);
    }
}
