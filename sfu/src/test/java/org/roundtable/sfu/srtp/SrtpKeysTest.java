package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrtpKeysTest {
    @Test
    void cutsKeyingMaterialInRfc5764Order() {
        SrtpProfile p = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        byte[] m = new byte[p.keyingMaterialLength()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) i;
        }
        SrtpKeys k = SrtpKeys.fromKeyingMaterial(p, m);
        assertArrayEquals(Arrays.copyOfRange(m, 0, 16), k.localKey(true));
        assertArrayEquals(Arrays.copyOfRange(m, 16, 32), k.localKey(false));
        assertArrayEquals(Arrays.copyOfRange(m, 32, 46), k.localSalt(true));
        assertArrayEquals(Arrays.copyOfRange(m, 46, 60), k.localSalt(false));
        assertArrayEquals(k.localKey(true), k.remoteKey(false));
        assertArrayEquals(k.localSalt(false), k.remoteSalt(true));
    }

    @Test
    void gcmUsesTwelveByteSalts() {
        assertEquals(56, SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength());
        assertEquals(60, SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyingMaterialLength());
        assertThrows(IllegalArgumentException.class, () -> SrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, new byte[60]));
    }

    @Test
    void profilesMapToTheirUseSrtpIds() {
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.fromDtlsId(0x0001));
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.fromDtlsId(0x0007));
        assertEquals(null, SrtpProfile.fromDtlsId(0x0008));
    }

    @Test
    void ssrcMapKeepsManyStreams() {
        SsrcMap<Integer> map = new SsrcMap<>();
        for (int i = 0; i < 1000; i++) {
            map.put(i * 7919 - 500_000, i);
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, map.get(i * 7919 - 500_000));
        }
        assertEquals(null, map.get(42));
        assertEquals(1000, map.size());
    }
}
