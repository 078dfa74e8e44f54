package org.roundtable.sfu.srtp;

import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * Both SRTP directions of one DTLS association. RTP and RTCP are told apart by the second
 * byte (RFC 5761: RTCP packet types 192..223). Confined to the thread that owns the transport.
 */
public final class SrtpSession {
    private final SrtpProfile profile;
    private final SrtpDirection inbound;
    private final SrtpDirection outbound;

    public SrtpSession(SrtpKeys keys, boolean dtlsClient) {
        this.profile = keys.profile();
        this.inbound = new SrtpDirection(profile, keys.remoteKey(dtlsClient), keys.remoteSalt(dtlsClient), false);
        this.outbound = new SrtpDirection(profile, keys.localKey(dtlsClient), keys.localSalt(dtlsClient), true);
    }

    public SrtpProfile profile() { return profile; }

    public SrtpErrorStatus unprotect(ByteArrayBuffer p) {
        return isRtcp(p) ? inbound.transformRtcp(p) : inbound.transformRtp(p);
    }

    public SrtpErrorStatus protect(ByteArrayBuffer p) {
        return isRtcp(p) ? outbound.transformRtcp(p) : outbound.transformRtp(p);
    }

    public void close() {
        inbound.close();
        outbound.close();
    }

    /** RFC 5761 4: with rtcp-mux, RTCP packet types 192..223 sit where RTP has M+PT 64..95. */
    public static boolean isRtcp(ByteArrayBuffer p) {
        if (p.getLength() < 2) {
            return false;
        }
        int pt = p.getBuffer()[p.getOffset() + 1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }
}
