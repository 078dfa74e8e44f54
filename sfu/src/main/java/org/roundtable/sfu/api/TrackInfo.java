package org.roundtable.sfu.api;

/** A published track: {@code trackId} is unique in its conference. */
public record TrackInfo(String trackId, String endpointId, MediaKind kind) {
}
