package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByeTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void parsesSourcesAndReason() {
        byte[] b = HEX.parseHex("82cb0004" + "00000001" + "00000002" + "056f6b212178" + "0000");
        Bye bye = new Bye().wrap(b, 0, b.length);
        assertTrue(bye.isValid());
        assertEquals(2, bye.ssrcCount());
        assertEquals(1, bye.ssrc(0));
        assertEquals(2, bye.ssrc(1));
        assertTrue(bye.hasReason());
        assertEquals("ok!!x", bye.reason());
        byte[] plain = HEX.parseHex("81cb0001" + "a8267da5");
        Bye noReason = new Bye().wrap(plain, 0, plain.length);
        assertTrue(noReason.isValid());
        assertFalse(noReason.hasReason());
        assertNull(noReason.reason());
        assertEquals(2821094821L, noReason.ssrc(0));
    }

    @Test
    void writesTheSameBytes() {
        byte[] b = new byte[20];
        int n = Bye.write(b, 0, new long[] {1, 2, 3}, 2, "ok!!x".getBytes(StandardCharsets.UTF_8));
        assertEquals(20, n);
        assertEquals(20, Bye.size(2, 5));
        assertEquals("82cb0004" + "00000001" + "00000002" + "056f6b212178" + "0000", HEX.formatHex(b));
        n = Bye.write(b, 0, new long[] {1}, 1, "bye".getBytes(StandardCharsets.UTF_8));
        assertEquals("81cb0002" + "00000001" + "03627965", HEX.formatHex(b, 0, n));
        n = Bye.write(b, 0, new long[] {2821094821L}, 1, null);
        assertEquals("81cb0001a8267da5", HEX.formatHex(b, 0, n));
    }

    @Test
    void rejectsMissingSourcesAndOverlongReasons() {
        for (String hex : new String[] {"82cb0001" + "00000001", "81cb0002" + "00000001" + "09627965", "81cb0001"}) {
            byte[] b = HEX.parseHex(hex);
            assertFalse(new Bye().wrap(b, 0, b.length).isValid(), hex);
        }
    }
}
