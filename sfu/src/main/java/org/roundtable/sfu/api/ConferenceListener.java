package org.roundtable.sfu.api;

/**
 * Events from a conference up to its owner. Called on the conference's media worker thread:
 * implementations must hand work over and return at once.
 */
public interface ConferenceListener {

    /** A published track started (its first packet was received and accepted). */
    void onTrackAdded(TrackInfo track);

    /** A published track ended (endpoint left, renegotiated it away, or was demoted). */
    void onTrackRemoved(TrackInfo track);

    /** An endpoint's transport died: ICE consent lost, DTLS failure or alert. */
    void onEndpointExpired(String endpointId, String reason);

    ConferenceListener NONE = new ConferenceListener() {
        @Override public void onTrackAdded(TrackInfo track) { }
        @Override public void onTrackRemoved(TrackInfo track) { }
        @Override public void onEndpointExpired(String endpointId, String reason) { }
    };
}
