package org.roundtable.loadtest.media;

import java.util.Map;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.TransportCcExtension;

/**
 * The one-byte header-extension ids a sender writes, as negotiated in the answer (0 = not
 * negotiated, not written). Immutable.
 */
public record HeaderExtensionIds(int audioLevel, int absSendTime, int transportCc, int mid, int rid) {
    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

    public static final HeaderExtensionIds NONE = new HeaderExtensionIds(0, 0, 0, 0, 0);

    public HeaderExtensionIds {
        for (int id : new int[] {audioLevel, absSendTime, transportCc, mid, rid}) {
            if (id < 0 || id > 14) {
                throw new IllegalArgumentException("one-byte extension ids are 1..14, got " + id);
            }
        }
    }

    /** Picks our ids from a URI-to-id map as the SDP classes return it. */
    public static HeaderExtensionIds fromIdsByUri(Map<String, Integer> uriToId) {
        java.util.Map<Integer, String> idToUri = new java.util.HashMap<>();
        uriToId.forEach((uri, id) -> idToUri.put(id, uri));
        return fromUris(idToUri);
    }

    /** Picks our ids from an id-to-URI map as an SDP m-section lists them. */
    public static HeaderExtensionIds fromUris(Map<Integer, String> idToUri) {
        int level = 0, abs = 0, tcc = 0, mid = 0, rid = 0;
        for (Map.Entry<Integer, String> e : idToUri.entrySet()) {
            int id = e.getKey();
            if (id < 1 || id > 14) {
                continue;
            }
            switch (e.getValue()) {
                case AudioLevelExtension.URI -> level = id;
                case AbsSendTimeExtension.URI -> abs = id;
                case TransportCcExtension.URI -> tcc = id;
                case MID_URI -> mid = id;
                case RID_URI -> rid = id;
                default -> { }
            }
        }
        return new HeaderExtensionIds(level, abs, tcc, mid, rid);
    }
}
