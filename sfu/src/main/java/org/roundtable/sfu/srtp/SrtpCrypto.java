package org.roundtable.sfu.srtp;

import java.security.SecureRandom;
import java.util.logging.Logger;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * Process-wide choice of jitsi-srtp's AES back-end. jitsi-srtp would otherwise benchmark four
 * back-ends (1.5-1.8 s) on whichever thread first makes a cipher, and pick by a noisy race;
 * choosing explicitly keeps runs comparable. Thread-safe (synchronized, runs once).
 */
public final class SrtpCrypto {
    private static final Logger LOG = Logger.getLogger(SrtpCrypto.class.getName());
    private static String provider;

    private SrtpCrypto() {
    }

    /** Chooses OpenSSL if jitsi-srtp's native library loads, else SunJCE; then warms up both profiles. */
    public static synchronized String init() {
        if (provider != null) {
            return provider;
        }
        String chosen = openSslLoads() ? "OpenSSL" : "SunJCE";
        Aes.setFactoryClassName(chosen);
        for (SrtpProfile p : SrtpProfile.values()) {
            warmUp(p);
        }
        provider = chosen;
        LOG.info("SRTP AES back-end: " + chosen + "; outgoing AES-GCM RTP: "
                + (NativeGcm.available() ? "OpenSSL through libroundtable_srtp" : "jitsi-srtp (" + NativeGcm.unavailableReason() + ")"));
        return provider;
    }

    /** The AES back-end chosen by {@link #init()}, or null before. */
    public static synchronized String provider() {
        return provider;
    }

    private static boolean openSslLoads() {
        try {
            return JitsiOpenSslProvider.isLoaded();
        } catch (Throwable t) { // UnsatisfiedLinkError or a failed static initializer
            return false;
        }
    }

    private static void warmUp(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new SecureRandom().nextBytes(material);
        SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, material);
        SrtpSession sender = new SrtpSession(keys, true);
        SrtpSession receiver = new SrtpSession(keys, false);
        PacketBuffer p = new PacketBuffer();
        byte[] rtp = new byte[200];
        rtp[0] = (byte) 0x80;
        rtp[1] = 111;
        rtp[11] = 1;
        p.copyFrom(rtp, 0, rtp.length);
        if (sender.protect(p) != SrtpErrorStatus.OK || receiver.unprotect(p) != SrtpErrorStatus.OK) {
            throw new IllegalStateException("SRTP self-test failed for " + profile);
        }
        sender.close();
        receiver.close();
    }
}
