package org.roundtable.signaling.room;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.api.TrackInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrackSelectionTest {

    private final TrackInfo aliceAudio = new TrackInfo("t1", "alice.1", MediaKind.AUDIO);
    private final TrackInfo aliceVideo = new TrackInfo("t2", "alice.1", MediaKind.VIDEO);
    private final TrackInfo bobVideo = new TrackInfo("t3", "bob.2", MediaKind.VIDEO);
    private final List<TrackInfo> published = List.of(aliceAudio, aliceVideo, bobVideo);

    private static String owner(TrackInfo t) {
        return t.endpointId().substring(0, t.endpointId().indexOf('.'));
    }

    @Test
    void publishersReceiveEveryOtherPublishersTracksInPublicationOrder() {
        assertEquals(List.of(bobVideo), TrackSelection.tracksFor("alice", true, published, TrackSelectionTest::owner));
        assertEquals(List.of(aliceAudio, aliceVideo), TrackSelection.tracksFor("bob", true, published, TrackSelectionTest::owner));
    }

    @Test
    void viewersReceiveEverything() {
        assertEquals(published, TrackSelection.tracksFor("vera", true, published, TrackSelectionTest::owner));
        assertEquals(List.of(), TrackSelection.tracksFor("vera", true, List.of(), TrackSelectionTest::owner));
    }

    @Test
    void theLobbyReceivesNothing() {
        assertEquals(List.of(), TrackSelection.tracksFor("vera", false, published, TrackSelectionTest::owner));
    }
}
