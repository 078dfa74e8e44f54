package org.roundtable.loadtest.participant;

import org.roundtable.sfu.api.MediaKind;

/** One track the server asks a participant to receive ({@code tracks} message). Immutable. */
public record TrackRef(String trackId, String participantId, MediaKind kind) {
}
