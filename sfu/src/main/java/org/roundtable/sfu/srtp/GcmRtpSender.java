package org.roundtable.sfu.srtp;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * Protects the outgoing RTP of one direction with AEAD_AES_128_GCM (RFC 7714) through OpenSSL, one
 * native call per packet ({@link NativeGcm}). The session key does not depend on the SSRC, so one
 * cipher context serves every stream of the direction; only the rollover counters are per SSRC.
 *
 * <p>Why not jitsi-srtp here: it keys a cipher per SSRC (26 per viewer in a roundtable) and makes
 * five JNI crossings and a JCE {@code Cipher.init} per packet; protecting outgoing RTP is done once
 * per forwarded copy, the most frequent crypto in the server (docs/benchmarks.md). Receiving stays
 * with jitsi-srtp (replay protection, index estimation, authentication failures).
 *
 * <p>The native context is freed when this object becomes unreachable, never by {@code close}: a
 * transport may close on another thread while its lane's worker is sealing a packet. Confined to
 * the sending thread.
 */
final class GcmRtpSender {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;
    private final SsrcMap<RolloverCounter> counters = new SsrcMap<>();

    private GcmRtpSender(long handle) {
        this.handle = handle;
        CLEANER.register(this, () -> NativeGcm.destroy(handle));
    }

    /** A sender for these master keys, or null when the native library is missing or refused the key. */
    static GcmRtpSender create(byte[] masterKey, byte[] masterSalt) {
        if (!NativeGcm.available() || masterSalt.length != NativeGcm.SALT_LENGTH) {
            return null;
        }
        byte[] key = SrtpKeyDerivation.derive(masterKey, masterSalt, SrtpKeyDerivation.RTP_ENCRYPTION, masterKey.length);
        byte[] salt = SrtpKeyDerivation.derive(masterKey, masterSalt, SrtpKeyDerivation.RTP_SALT, NativeGcm.SALT_LENGTH);
        long handle = NativeGcm.create(key, salt);
        Arrays.fill(key, (byte) 0);
        return handle == 0 ? null : new GcmRtpSender(handle);
    }

    /** Protects one RTP packet in place (the tag is appended). */
    SrtpErrorStatus protect(ByteArrayBuffer p) {
        int length = p.getLength();
        int header = headerLength(p.getBuffer(), p.getOffset(), length);
        if (header < 0) {
            return SrtpErrorStatus.INVALID_PACKET;
        }
        if (p.getBuffer().length - p.getOffset() - length < NativeGcm.TAG_LENGTH) {
            p.grow(NativeGcm.TAG_LENGTH);
        }
        byte[] b = p.getBuffer();
        int off = p.getOffset();
        int seq = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        int ssrc = ((b[off + 8] & 0xFF) << 24) | ((b[off + 9] & 0xFF) << 16) | ((b[off + 10] & 0xFF) << 8) | (b[off + 11] & 0xFF);
        RolloverCounter rollover = counters.get(ssrc);
        if (rollover == null) {
            rollover = new RolloverCounter();
            counters.put(ssrc, rollover);
        }
        int sealed = NativeGcm.seal(handle, b, off, header, length - header, ssrc, rollover.next(seq), seq);
        Reference.reachabilityFence(this); // the cleaner must not free the context during the call
        if (sealed != 0) {
            return SrtpErrorStatus.FAIL;
        }
        p.setLength(length + NativeGcm.TAG_LENGTH);
        return SrtpErrorStatus.OK;
    }

    /** Number of SSRCs sent so far. */
    int streams() {
        return counters.size();
    }

    /** Fixed header, CSRCs and extension block, or -1 when they do not fit in {@code length}. */
    private static int headerLength(byte[] b, int off, int length) {
        if (length < 12) {
            return -1;
        }
        int h = 12 + 4 * (b[off] & 0x0F);
        if ((b[off] & 0x10) != 0) {
            if (h + 4 > length) {
                return -1;
            }
            h += 4 + 4 * (((b[off + h + 2] & 0xFF) << 8) | (b[off + h + 3] & 0xFF));
        }
        return h <= length ? h : -1;
    }
}
