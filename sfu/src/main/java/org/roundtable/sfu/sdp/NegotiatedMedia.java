package org.roundtable.sfu.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roundtable.sfu.api.MediaKind;

/**
 * What was agreed for one audio or video m-section: the chosen codec (null if the section was rejected or
 * nothing fits), its RTX payload type (-1 if none), header-extension ids by URI, the SSRCs of the sending
 * side (primary ones; RTX ones in {@code rtxSsrcByPrimary}) and the simulcast rids. {@code direction} is
 * that of the side that built the answer (the server), or for {@link OfferBuilder#readAnswer} the client's.
 * Immutable: any thread.
 */
public record NegotiatedMedia(String mid, MediaKind kind, Direction direction, Codec codec, int rtxPt,
                              Map<String, Integer> extensionIdsByUri, List<Long> ssrcs,
                              Map<Long, Long> rtxSsrcByPrimary, List<String> rids) {

    public NegotiatedMedia {
        extensionIdsByUri = Collections.unmodifiableMap(new LinkedHashMap<>(extensionIdsByUri));
        ssrcs = List.copyOf(ssrcs);
        rtxSsrcByPrimary = Collections.unmodifiableMap(new LinkedHashMap<>(rtxSsrcByPrimary));
        rids = List.copyOf(rids);
    }

    public boolean accepted() {
        return codec != null;
    }

    /** The negotiated id of an extension URI, or -1. */
    public int extensionId(String uri) {
        return extensionIdsByUri.getOrDefault(uri, -1);
    }
}
