package org.roundtable.sfu.sdp;

import java.util.List;

/** {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576), e.g. FID (primary, RTX) or SIM (layers low to high). Immutable: any thread. */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }
}
