package org.roundtable.sfu.srtp;

import org.jitsi.srtp.SrtpPolicy;

/** The SRTP protection profiles we negotiate over DTLS (RFC 5764, RFC 7714). Immutable. */
public enum SrtpProfile {
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10),
    AEAD_AES_128_GCM(0x0007, 16, 12, 16);

    private final int dtlsId;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;

    SrtpProfile(int dtlsId, int keyLength, int saltLength, int tagLength) {
        this.dtlsId = dtlsId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
    }

    /** The SRTPProtectionProfile value of the use_srtp extension. */
    public int dtlsId() { return dtlsId; }
    public int keyLength() { return keyLength; }
    public int saltLength() { return saltLength; }
    /** Bytes SRTP appends to each packet (auth tag or GCM tag). */
    public int tagLength() { return tagLength; }

    /** Bytes of DTLS keying material needed: both directions' keys and salts (RFC 5764 4.2). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** A fresh jitsi-srtp policy (they are mutable, so never shared). */
    public SrtpPolicy policy() {
        return switch (this) {
            case AES_CM_128_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, keyLength,
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tagLength, saltLength);
            case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLength,
                    SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, saltLength);
        };
    }

    /** The profile with this use_srtp id, or null if we do not support it. */
    public static SrtpProfile fromDtlsId(int id) {
        for (SrtpProfile p : values()) {
            if (p.dtlsId == id) {
                return p;
            }
        }
        return null;
    }
}
