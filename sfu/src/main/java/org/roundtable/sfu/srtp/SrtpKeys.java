package org.roundtable.sfu.srtp;

import java.util.Arrays;

/**
 * The SRTP master keys and salts of both directions, cut from DTLS keying material in the
 * RFC 5764 4.2 layout: client key | server key | client salt | server salt. Immutable.
 */
public final class SrtpKeys {
    private final SrtpProfile profile;
    private final byte[] clientKey;
    private final byte[] serverKey;
    private final byte[] clientSalt;
    private final byte[] serverSalt;

    private SrtpKeys(SrtpProfile profile, byte[] clientKey, byte[] serverKey, byte[] clientSalt, byte[] serverSalt) {
        this.profile = profile;
        this.clientKey = clientKey;
        this.serverKey = serverKey;
        this.clientSalt = clientSalt;
        this.serverSalt = serverSalt;
    }

    public static SrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material) {
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("keying material of " + material.length + " bytes, "
                    + profile + " needs " + profile.keyingMaterialLength());
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpKeys(profile,
                Arrays.copyOfRange(material, 0, k),
                Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    public SrtpProfile profile() { return profile; }

    /** Key this side encrypts with: the DTLS client writes with the client key. */
    public byte[] localKey(boolean dtlsClient) { return (dtlsClient ? clientKey : serverKey).clone(); }
    public byte[] localSalt(boolean dtlsClient) { return (dtlsClient ? clientSalt : serverSalt).clone(); }
    public byte[] remoteKey(boolean dtlsClient) { return (dtlsClient ? serverKey : clientKey).clone(); }
    public byte[] remoteSalt(boolean dtlsClient) { return (dtlsClient ? serverSalt : clientSalt).clone(); }
}
