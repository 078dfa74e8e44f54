package org.roundtable.sfu.dtls;

import java.util.List;
import org.roundtable.sfu.srtp.SrtpProfile;

/**
 * Which SRTP profile the DTLS server picks from the client's use_srtp list: the first of OUR
 * preference the client offers, whatever the client's order (Chromium lists CM first, GCM is
 * faster here). Pure function.
 */
public final class SrtpProfileChoice {
    private SrtpProfileChoice() {
    }

    /** @return the chosen profile, or null if none of ours is offered */
    public static SrtpProfile choose(int[] offeredDtlsIds, List<SrtpProfile> preference) {
        for (SrtpProfile p : preference) {
            for (int id : offeredDtlsIds) {
                if (id == p.dtlsId()) {
                    return p;
                }
            }
        }
        return null;
    }
}
