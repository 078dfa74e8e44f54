package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The key derivation against RFC 3711's test vectors (Appendix B.3). */
class SrtpKeyDerivationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MASTER_KEY = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] MASTER_SALT = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");

    @Test
    void derivesTheCipherKeyOfRfc3711AppendixB3() {
        assertArrayEquals(HEX.parseHex("c61e7a93744f39ee10734afe3ff7a087"),
                SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_ENCRYPTION, 16));
    }

    @Test
    void derivesTheCipherSaltOfRfc3711AppendixB3() {
        assertArrayEquals(HEX.parseHex("30cbbc08863d8c85d49db34a9ae1"),
                SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_SALT, 14));
    }

    @Test
    void derivesKeystreamBeyondOneBlockForTheAuthenticationKey() {
        // label 0x01, the first 32 bytes of B.3's authentication key stream
        assertArrayEquals(HEX.parseHex("cebe321f6ff7716b6fd4ab49af256a156d38baa48f0a0acf3c34e2359e6cdbce"),
                SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, (byte) 0x01, 32));
    }
}
