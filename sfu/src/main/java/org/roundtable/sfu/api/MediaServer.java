package org.roundtable.sfu.api;

/**
 * The media plane as the rest of Roundtable sees it: conferences of endpoints, one shared UDP
 * port. Thread-safe: control calls are handed to the owning media worker as tasks.
 */
public interface MediaServer extends AutoCloseable {

    /** Returns the conference with this id, creating it (on a media worker) if needed. */
    ConferenceHandle conference(String conferenceId, ConferenceListener listener);

    /** Number of live conferences. */
    int conferenceCount();

    /** Counters of every stage of the media path, for metrics. */
    MediaCounters counters();

    /** Frees every conference, endpoint, ICE agent, DTLS session and thread. */
    @Override
    void close();
}
