package org.roundtable.signaling.room;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;
import org.roundtable.signaling.auth.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrackSelectionTest {

    private final TrackInfo aliceAudio = new TrackInfo("t1", "alice", MediaKind.AUDIO);
    private final TrackInfo aliceVideo = new TrackInfo("t2", "alice", MediaKind.VIDEO);
    private final TrackInfo bobVideo = new TrackInfo("t3", "bob", MediaKind.VIDEO);
    private final List<TrackInfo> published = List.of(aliceAudio, aliceVideo, bobVideo);

    @Test
    void publishersReceiveEveryOtherPublishersTracksInPublicationOrder() {
        assertEquals(List.of(bobVideo), TrackSelection.tracksFor("alice", Role.MINISTER, published));
        assertEquals(List.of(aliceAudio, aliceVideo), TrackSelection.tracksFor("bob", Role.MODERATOR, published));
    }

    @Test
    void viewersReceiveEverything() {
        assertEquals(published, TrackSelection.tracksFor("vera", Role.VIEWER, published));
        assertEquals(List.of(), TrackSelection.tracksFor("vera", Role.VIEWER, List.of()));
    }
}
