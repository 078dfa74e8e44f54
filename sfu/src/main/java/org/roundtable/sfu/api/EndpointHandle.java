package org.roundtable.sfu.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One participant's media: a publish peer connection (the browser offers its tracks) and a
 * subscribe peer connection (the browser offers recvonly m-sections for the tracks the server
 * asked it to receive). Each is its own ICE + DTLS + SRTP transport. Thread-safe handle.
 */
public interface EndpointHandle {

    String id();

    /**
     * Answers the browser's publish offer. Completes exceptionally with {@link MediaException}
     * when the SDP is malformed, lacks BUNDLE/rtcp-mux/fingerprint, or the endpoint may not publish.
     */
    CompletableFuture<String> answerPublish(String offerSdp);

    /**
     * Answers the browser's subscribe offer. {@code midToTrackId} says which published track
     * each recvonly m-section carries; m-sections absent from it (or inactive) are answered
     * inactive. Consumers of tracks no longer listed are removed.
     */
    CompletableFuture<String> answerSubscribe(String offerSdp, Map<String, String> midToTrackId);

    /** Promotes or demotes: whether media from this endpoint is accepted at all. */
    void setMayPublish(boolean mayPublish);

    /** Server-side enforcement (floor, force-mute): whether this endpoint's audio is forwarded. */
    void setAudioForwarded(boolean forwarded);

    /** Server-side enforcement (force-mute): whether this endpoint's video is forwarded. */
    void setVideoForwarded(boolean forwarded);

    /** Leaves: removes the endpoint's tracks and consumers and frees its transports. */
    void close();
}
