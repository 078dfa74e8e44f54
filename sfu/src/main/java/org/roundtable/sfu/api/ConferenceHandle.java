package org.roundtable.sfu.api;

/** One conference: the media side of a roundtable. Thread-safe handle. */
public interface ConferenceHandle {

    String id();

    /**
     * Adds an endpoint (one participant's media). {@code mayPublish} false makes it a pure
     * receiver: publish offers are refused and any media it sends is dropped and counted.
     */
    EndpointHandle addEndpoint(String endpointId, boolean mayPublish);

    /** Live endpoints of this conference. */
    int endpointCount();

    /** Removes every endpoint and frees the conference. */
    void close();
}
