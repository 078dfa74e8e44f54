package org.roundtable.sfu.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.srtp.SrtpProfile;

class DtlsUnitTest {
    private static final List<SrtpProfile> SERVER = List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80);

    @Test
    void serverPrefersGcmWhateverTheClientOrder() {
        // Chromium 156: [SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AEAD_AES_256_GCM, SRTP_AEAD_AES_128_GCM]
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfileChoice.choose(new int[] {0x0001, 0x0008, 0x0007}, SERVER));
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfileChoice.choose(new int[] {0x0001}, SERVER));
        assertNull(SrtpProfileChoice.choose(new int[] {0x0002, 0x0008}, SERVER));
    }

    @Test
    void certificateFingerprintIsSha256OfTheDer() {
        DtlsCertificate cert = DtlsCertificate.generate("test");
        String fp = cert.fingerprint();
        assertTrue(fp.matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}"), fp);
        assertTrue(cert.dtlsFingerprint().matches(cert.der()));
        assertTrue(new DtlsFingerprint("SHA-256", fp.substring(8).toLowerCase()).matches(cert.der()), "case-insensitive like SDP");
        assertFalse(DtlsCertificate.generate("other").dtlsFingerprint().matches(cert.der()));
        assertThrows(IllegalArgumentException.class, () -> new DtlsFingerprint("md5", "00").matches(cert.der()));
    }

    @Test
    void datagramTransportQueuesUntilReadAndFailsOnceClosed() throws IOException {
        DtlsDatagramTransport t = new DtlsDatagramTransport((b, o, l) -> { });
        byte[] hello = {22, (byte) 0xFE, (byte) 0xFD, 1, 2, 3};
        assertTrue(t.offer(hello, 1, 4));
        byte[] into = new byte[10];
        assertEquals(4, t.receive(into, 0, into.length, 1));
        assertEquals((byte) 0xFE, into[0]);
        assertEquals(-1, t.receive(into, 0, into.length, 1));
        t.close();
        assertFalse(t.offer(hello, 0, hello.length));
        assertThrows(IOException.class, () -> t.receive(into, 0, into.length, 1));
        assertThrows(IOException.class, () -> t.send(hello, 0, hello.length));
    }
}
