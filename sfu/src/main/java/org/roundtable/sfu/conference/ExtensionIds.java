package org.roundtable.sfu.conference;

import java.util.Map;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.TransportCcExtension;

/**
 * Header-extension ids negotiated on one m-section, and the id map from a publisher's ids to a
 * receiver's. Immutable after construction.
 */
public final class ExtensionIds {
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    /**
     * Stream-identification extensions are not forwarded: their values name the publisher's
     * m-section and would mislead the receiver's demuxer.
     */
    private static final java.util.Set<String> NOT_FORWARDED = java.util.Set.of(MID, RID, REPAIRED_RID);

    private final Map<String, Integer> idsByUri;

    public ExtensionIds(Map<String, Integer> idsByUri) {
        this.idsByUri = Map.copyOf(idsByUri);
    }

    public int id(String uri) {
        Integer id = idsByUri.get(uri);
        return id == null ? 0 : id;
    }

    public int transportCc() { return id(TransportCcExtension.URI); }
    public int absSendTime() { return id(AbsSendTimeExtension.URI); }
    public int audioLevel() { return id(AudioLevelExtension.URI); }
    public int mid() { return id(MID); }

    /** {@code map[publisherId] = receiverId}, 0 where the receiver did not negotiate the URI. */
    public static byte[] remapTable(ExtensionIds publisher, ExtensionIds receiver) {
        byte[] map = new byte[256];
        for (Map.Entry<String, Integer> e : publisher.idsByUri.entrySet()) {
            if (NOT_FORWARDED.contains(e.getKey())) {
                continue;
            }
            int to = receiver.id(e.getKey());
            int from = e.getValue();
            if (from > 0 && from < 256 && to > 0 && to < 256) {
                map[from] = (byte) to;
            }
        }
        return map;
    }
}
