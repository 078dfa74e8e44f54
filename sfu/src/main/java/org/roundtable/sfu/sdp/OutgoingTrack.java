package org.roundtable.sfu.sdp;

import org.roundtable.sfu.api.MediaKind;

/**
 * A track the server sends on a subscribe connection. {@code rtxSsrc} negative: no RTX (ignored for audio).
 * {@code codecName} is the producer's codec ({@code opus}, {@code VP8}, {@code H264}); null means the
 * server's default for the kind (opus, VP8).
 * Immutable: any thread.
 */
public record OutgoingTrack(MediaKind kind, long ssrc, long rtxSsrc, String cname, String streamId, String trackId,
                            String codecName) {

    public OutgoingTrack(MediaKind kind, long ssrc, long rtxSsrc, String cname, String streamId, String trackId) {
        this(kind, ssrc, rtxSsrc, cname, streamId, trackId, null);
    }

    public OutgoingTrack {
        if (kind == null || cname == null || streamId == null || trackId == null) {
            throw new IllegalArgumentException("kind, cname, streamId and trackId are required");
        }
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL || rtxSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ssrc out of range: " + ssrc + "/" + rtxSsrc);
        }
    }

    public boolean hasRtx() {
        return kind == MediaKind.VIDEO && rtxSsrc >= 0;
    }
}
