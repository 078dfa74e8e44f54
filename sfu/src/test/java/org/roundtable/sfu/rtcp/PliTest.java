package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PliTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writesAndParsesTwelveBytes() {
        byte[] b = new byte[12];
        assertEquals(Pli.size(), Pli.write(b, 0, 1, 2821094821L));
        assertEquals("81ce0002" + "00000001" + "a8267da5", HEX.formatHex(b));
        Pli pli = new Pli().wrap(b, 0, 12);
        assertTrue(pli.isValid());
        assertTrue(Pli.matches(b, 0));
        assertEquals(1, pli.senderSsrc());
        assertEquals(2821094821L, pli.mediaSsrc());
    }

    @Test
    void rejectsFirAndTruncation() {
        byte[] fir = HEX.parseHex("84ce0002" + "00000001" + "a8267da5");
        assertFalse(new Pli().wrap(fir, 0, 12).isValid());
        assertFalse(Pli.matches(fir, 0));
        byte[] b = HEX.parseHex("81ce0002" + "00000001" + "a8267da5");
        for (int len = 0; len < 12; len++) {
            assertFalse(new Pli().wrap(b, 0, len).isValid());
        }
    }
}
