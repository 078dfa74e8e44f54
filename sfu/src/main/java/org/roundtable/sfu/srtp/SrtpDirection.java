package org.roundtable.sfu.srtp;

import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP of one direction (protect or unprotect), in place. jitsi-srtp contexts, one per
 * SSRC, created on the first packet of that SSRC; outgoing AES-GCM RTP instead goes through one
 * {@link GcmRtpSender} for all SSRCs when our native library loaded. Confined to one thread (the
 * media worker owning the transport, or its send lane's worker for the protecting direction).
 */
public final class SrtpDirection {
    private static final Logger LOGGER = new LoggerImpl(SrtpDirection.class.getName());
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final boolean protect;
    private final SrtpProfile profile;
    private final SrtpContextFactory factory;
    private final SsrcMap<SrtpCryptoContext> rtp = new SsrcMap<>();
    private final SsrcMap<SrtcpCryptoContext> rtcp = new SsrcMap<>();
    /** Outgoing AES-GCM RTP through OpenSSL directly (see {@link GcmRtpSender}); null otherwise. */
    private final GcmRtpSender gcmRtp;

    /** @param protect true to encrypt outgoing packets, false to decrypt incoming ones */
    public SrtpDirection(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean protect) {
        this(profile, masterKey, masterSalt, protect, true);
    }

    /** @param nativeGcm false to protect outgoing AES-GCM RTP with jitsi-srtp even when the native library loaded */
    SrtpDirection(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean protect, boolean nativeGcm) {
        this.protect = protect;
        this.profile = profile;
        this.factory = new SrtpContextFactory(protect, masterKey, masterSalt, policy(profile, protect), policy(profile, protect), LOGGER);
        this.gcmRtp = protect && nativeGcm && profile == SrtpProfile.AEAD_AES_128_GCM
                ? GcmRtpSender.create(masterKey, masterSalt) : null;
    }

    public SrtpProfile profile() { return profile; }

    /** Whether outgoing RTP goes through {@link GcmRtpSender} (for tests and the start-up log). */
    boolean sealsNatively() { return gcmRtp != null; }

    /**
     * jitsi-srtp's replay check on the sending side is only a consistency check, and an SFU
     * legitimately sends sequence numbers older than its last one: a publisher's retransmission of
     * a packet lost on the way in is forwarded late to every receiver, and a resend without RTX
     * repeats a sequence number. With the check on, each such packet was refused and logged at
     * SEVERE (a formatted JUL record per receiver, on the media thread). Receivers keep their own
     * replay protection; ours stays on for what we receive.
     */
    private static org.jitsi.srtp.SrtpPolicy policy(SrtpProfile profile, boolean protect) {
        org.jitsi.srtp.SrtpPolicy policy = profile.policy();
        if (protect) {
            policy.setSendReplayEnabled(false);
        }
        return policy;
    }

    /** Protects or unprotects one RTP packet in place. */
    public SrtpErrorStatus transformRtp(ByteArrayBuffer p) {
        int minLength = protect ? RTP_HEADER : RTP_HEADER + profile.tagLength();
        if (p.getLength() < minLength) {
            return SrtpErrorStatus.INVALID_PACKET;
        }
        if (gcmRtp != null) {
            return gcmRtp.protect(p);
        }
        int ssrc = readInt(p.getBuffer(), p.getOffset() + 8);
        try {
            SrtpCryptoContext ctx = rtp.get(ssrc);
            if (ctx != null) {
                return protect ? ctx.transformPacket(p) : ctx.reverseTransformPacket(p, false);
            }
            ctx = factory.deriveContext(ssrc, 0);
            SrtpErrorStatus status = protect ? ctx.transformPacket(p) : ctx.reverseTransformPacket(p, false);
            if (status == SrtpErrorStatus.OK) {
                rtp.put(ssrc, ctx); // only authenticated SSRCs get a context: forged SSRCs cost no memory
            }
            return status;
        } catch (GeneralSecurityException | RuntimeException e) {
            return SrtpErrorStatus.FAIL;
        }
    }

    /** Protects or unprotects one (compound) RTCP packet in place. */
    public SrtpErrorStatus transformRtcp(ByteArrayBuffer p) {
        int minLength = protect ? RTCP_HEADER : RTCP_HEADER + 4 + profile.tagLength();
        if (p.getLength() < minLength) {
            return SrtpErrorStatus.INVALID_PACKET;
        }
        int ssrc = readInt(p.getBuffer(), p.getOffset() + 4);
        try {
            SrtcpCryptoContext ctx = rtcp.get(ssrc);
            if (ctx != null) {
                return protect ? ctx.transformPacket(p) : ctx.reverseTransformPacket(p);
            }
            ctx = factory.deriveControlContext(ssrc);
            SrtpErrorStatus status = protect ? ctx.transformPacket(p) : ctx.reverseTransformPacket(p);
            if (status == SrtpErrorStatus.OK) {
                rtcp.put(ssrc, ctx);
            }
            return status;
        } catch (GeneralSecurityException | RuntimeException e) {
            return SrtpErrorStatus.FAIL;
        }
    }

    /** Number of SSRCs with an RTP context (for tests and metrics). */
    public int rtpStreams() { return gcmRtp != null ? gcmRtp.streams() : rtp.size(); }

    public void close() {
        rtp.clear();
        rtcp.clear();
        factory.close();
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
