package org.roundtable.loadtest.participant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roundtable.sfu.api.MediaKind;

/**
 * Every track the load test publishes in one run: its number (carried in each packet's stamp),
 * its publisher and kind, and the server's participant id of that publisher once known.
 * Thread-safe; looked up only when a receiver first sees a track, never per packet.
 */
public final class TrackDirectory {
    /** One published track. Immutable. */
    public record Entry(int trackNumber, String publisher, MediaKind kind) {
    }

    private final Map<Integer, Entry> byNumber = new ConcurrentHashMap<>();
    private final Map<String, int[]> tracksByParticipantId = new ConcurrentHashMap<>();

    public void register(int trackNumber, String publisher, MediaKind kind) {
        byNumber.put(trackNumber, new Entry(trackNumber, publisher, kind));
    }

    /** The server named the publisher: {@code -1} for a track it does not publish. */
    public void bind(String participantId, int audioTrack, int videoTrack) {
        tracksByParticipantId.put(participantId, new int[] {audioTrack, videoTrack});
    }

    public Entry entry(int trackNumber) {
        return byNumber.get(trackNumber);
    }

    public int clockRate(int trackNumber) {
        Entry e = byNumber.get(trackNumber);
        if (e == null) {
            return -1;
        }
        return e.kind() == MediaKind.AUDIO ? 48_000 : 90_000;
    }

    /** Our track number for a server track, or -1 if that participant is not one of ours. */
    public int trackNumberOf(String participantId, MediaKind kind) {
        int[] t = tracksByParticipantId.get(participantId);
        if (t == null) {
            return -1;
        }
        return kind == MediaKind.AUDIO ? t[0] : t[1];
    }
}
