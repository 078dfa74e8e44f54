package org.roundtable.sfu.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function (RFC 3711 4.3.1 with a key derivation rate of 0; RFC 7714 11 for
 * the 12-byte salts of AES-GCM): the session key for {@code label} is the AES counter-mode keystream
 * of the master key, started at IV = master salt XOR label (at byte 7), zero-padded to 16 bytes.
 * Runs once per sending direction, never per packet. Stateless.
 */
final class SrtpKeyDerivation {
    static final byte RTP_ENCRYPTION = 0x00;
    static final byte RTP_SALT = 0x02;

    private SrtpKeyDerivation() {
    }

    static byte[] derive(byte[] masterKey, byte[] masterSalt, byte label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= label;
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is part of every JDK", e);
        }
    }
}
