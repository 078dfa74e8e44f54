package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RembTest {
    private static final HexFormat HEX = HexFormat.of();
    /** 300 kbps = 150000 * 2^1: exp 1, mantissa 0x249F0. */
    private static final String REMB_300K = "8fce0005" + "00000001" + "00000000" + "52454d42" + "01" + "06" + "49f0" + "a8267da5";

    @Test
    void encodesMantissaAndExponent() {
        byte[] b = new byte[32];
        int n = Remb.write(b, 0, 1, 300_000, new long[] {2821094821L}, 1);
        assertEquals(Remb.size(1), n);
        assertEquals(REMB_300K, HEX.formatHex(b, 0, n));
        // 1 Gbps needs exp 12: mantissa 244140 (0x3B9AC), rounded down
        n = Remb.write(b, 0, 1, 1_000_000_000L, new long[0], 0);
        assertEquals("8fce0004" + "00000001" + "00000000" + "52454d42" + "00" + "33" + "b9ac", HEX.formatHex(b, 0, n));
        assertEquals(244140L << 12, new Remb().wrap(b, 0, n).bitrate());
        n = Remb.write(b, 0, 1, 262_143, new long[0], 0);
        assertEquals("0003ffff", HEX.formatHex(b, 16, 20), "largest exact bitrate keeps exponent 0");
    }

    @Test
    void parsesBitrateAndSsrcs() {
        byte[] b = HEX.parseHex(REMB_300K);
        Remb remb = new Remb().wrap(b, 0, b.length);
        assertTrue(remb.isValid());
        assertTrue(Remb.matches(b, 0, b.length));
        assertEquals(1, remb.senderSsrc());
        assertEquals(1, remb.exponent());
        assertEquals(150_000, remb.mantissa());
        assertEquals(300_000, remb.bitrate());
        assertEquals(1, remb.ssrcCount());
        assertEquals(2821094821L, remb.ssrc(0));
        byte[] huge = HEX.parseHex("8fce0004" + "00000001" + "00000000" + "52454d42" + "00" + "ff" + "ffff");
        assertEquals(Long.MAX_VALUE, new Remb().wrap(huge, 0, huge.length).bitrate());
    }

    @Test
    void rejectsOtherApplicationFeedbackAndMissingSsrcs() {
        byte[] notRemb = HEX.parseHex("8fce0005" + "00000001" + "00000000" + "41424344" + "01" + "06" + "49f0" + "a8267da5");
        assertFalse(new Remb().wrap(notRemb, 0, notRemb.length).isValid());
        assertFalse(Remb.matches(notRemb, 0, notRemb.length));
        byte[] missing = HEX.parseHex("8fce0004" + "00000001" + "00000000" + "52454d42" + "02" + "06" + "49f0");
        assertFalse(new Remb().wrap(missing, 0, missing.length).isValid());
        byte[] b = HEX.parseHex(REMB_300K);
        for (int len = 0; len < b.length; len++) {
            assertFalse(new Remb().wrap(b, 0, len).isValid(), "cut to " + len);
        }
    }
}
