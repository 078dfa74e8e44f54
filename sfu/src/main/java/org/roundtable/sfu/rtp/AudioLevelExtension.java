package org.roundtable.sfu.rtp;

/**
 * Client-to-mixer audio level (RFC 6464): one byte, V flag then the level in -dBov (0 loudest,
 * 127 silence). Stateless.
 */
public final class AudioLevelExtension {
    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final int SILENCE = 127;

    private AudioLevelExtension() {
    }

    /** Level in -dBov, 0..127. */
    public static int level(byte[] b, int dataOff) {
        return b[dataOff] & 0x7F;
    }

    public static boolean voiceActivity(byte[] b, int dataOff) {
        return (b[dataOff] & 0x80) != 0;
    }

    /** Writes the one data byte; the level is clamped to 0..127. */
    public static void write(byte[] b, int dataOff, int level, boolean voiceActivity) {
        int clamped = Math.max(0, Math.min(SILENCE, level));
        b[dataOff] = (byte) ((voiceActivity ? 0x80 : 0) | clamped);
    }
}
