package org.roundtable.sfu.sdp;

import java.util.Set;

/** RTP header-extension URIs the server handles; any other offered extension is left out of answers. Immutable: any thread. */
public final class ExtensionUris {
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String TRANSPORT_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String REPAIRED_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    public static final String VIDEO_ORIENTATION = "urn:3gpp:video-orientation";
    public static final String TOFFSET = "urn:ietf:params:rtp-hdrext:toffset";

    public static final Set<String> SUPPORTED = Set.of(AUDIO_LEVEL, ABS_SEND_TIME, TRANSPORT_CC, MID, RTP_STREAM_ID,
            REPAIRED_RTP_STREAM_ID, VIDEO_ORIENTATION, TOFFSET);

    private ExtensionUris() {
    }
}
