package org.roundtable.sfu.srtp;

import org.roundtable.sfu.jni.NativeLibrary;

/**
 * The JNI binding of {@code sfu/src/main/c/roundtable_srtp.c}: AES-GCM sealing of outgoing RTP
 * through OpenSSL in one call per packet. Loaded once from the jar
 * ({@code native/<os.arch>/libroundtable_srtp.so}, built by Maven when gcc and OpenSSL's headers are
 * there); when it is missing or {@code -Droundtable.srtp.native=false}, {@link #available()} is false
 * and jitsi-srtp protects outgoing GCM packets instead. Thread-safe; a handle is not (one thread seals
 * with it at a time).
 */
final class NativeGcm {
    static final int SALT_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private static final String unavailableReason = NativeLibrary.load("roundtable_srtp", "roundtable.srtp.native",
            "outgoing SRTP through jitsi-srtp");

    private NativeGcm() {
    }

    static boolean available() {
        return unavailableReason == null;
    }

    /** Why not, or null when {@link #available()}. */
    static String unavailableReason() {
        return unavailableReason;
    }

    /** A cipher context keyed with the session key (16 or 32 bytes) and salt (12 bytes); 0 when refused. */
    static native long create(byte[] sessionKey, byte[] sessionSalt);

    /** Frees a handle from {@link #create}; it must not be in use. */
    static native void destroy(long handle);

    /**
     * Encrypts the payload of the RTP packet at {@code packet[offset]} in place, authenticates its
     * {@code headerLength}-byte header and writes the 16-byte tag after the payload. Returns 0, -1
     * when OpenSSL failed, -2 when the lengths do not fit the array.
     */
    static native int seal(long handle, byte[] packet, int offset, int headerLength, int payloadLength,
            int ssrc, int roc, int seq);
}
