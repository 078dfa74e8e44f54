package org.roundtable.sfu.sdp;

import java.util.List;

/** An answer SDP (CRLF) and what it agreed, one entry per audio/video m-section in m-line order. Immutable: any thread. */
public record Answer(String sdp, List<NegotiatedMedia> media) {
    public Answer {
        media = List.copyOf(media);
    }

    public NegotiatedMedia mediaByMid(String mid) {
        return media.stream().filter(m -> mid.equals(m.mid())).findFirst().orElse(null);
    }
}
