package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenericNackTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int[] LOST = {100, 101, 103, 116, 117, 200, 65535, 0, 3};
    /**
     * Hand-computed: PID 100 BLP bits 0,2,15 (101, 103, 116) = 0x8005; 117 is 17 away: new entry;
     * 200; then 65535 with 0 and 3 across the wrap (bits 0, 3) = 0x0009.
     */
    private static final String NACK = "81cd0006" + "00000001" + "00000002"
            + "00648005" + "00750000" + "00c80000" + "ffff0009";

    @Test
    void buildsPidBlpPairsAcrossTheWrap() {
        byte[] b = new byte[40];
        assertEquals(28, GenericNack.size(LOST, LOST.length));
        assertEquals(4, GenericNack.fciCount(LOST, LOST.length));
        int n = GenericNack.write(b, 0, 1, 2, LOST, LOST.length);
        assertEquals(28, n);
        assertEquals(NACK, HEX.formatHex(b, 0, n));
    }

    @Test
    void listsTheLostSequenceNumbers() {
        byte[] b = HEX.parseHex(NACK);
        GenericNack nack = new GenericNack().wrap(b, 0, b.length);
        assertTrue(nack.isValid());
        assertTrue(GenericNack.matches(b, 0));
        assertEquals(1, nack.senderSsrc());
        assertEquals(2, nack.mediaSsrc());
        assertEquals(4, nack.fciCount());
        assertEquals(100, nack.pid(0));
        assertEquals(0x8005, nack.blp(0));
        assertEquals(9, nack.lostCount());
        int[] out = new int[16];
        assertEquals(9, nack.lostSequenceNumbers(out));
        assertArrayEquals(LOST, Arrays.copyOf(out, 9));
        int[] small = new int[3];
        assertEquals(3, nack.lostSequenceNumbers(small));
        assertArrayEquals(new int[] {100, 101, 103}, small);
    }

    @Test
    void duplicatesAndSingleLossesAndAFullMask() {
        byte[] b = new byte[16];
        int n = GenericNack.write(b, 0, 1, 2, new int[] {5, 5, 6}, 3);
        assertEquals("81cd0003" + "00000001" + "00000002" + "00050001", HEX.formatHex(b, 0, n));
        int[] seventeen = new int[17];
        for (int i = 0; i < 17; i++) {
            seventeen[i] = 1000 + i;
        }
        n = GenericNack.write(b, 0, 1, 2, seventeen, 17);
        assertEquals("03e8ffff", HEX.formatHex(b, 12, n));
    }

    @Test
    void rejectsOtherFeedbackAndMissingFci() {
        for (String hex : new String[] {"81cd0002" + "00000001" + "00000002", "8fcd0003" + NACK.substring(8, 40),
                "81ce0003" + NACK.substring(8, 40), "81cd0003" + "00000001"}) {
            byte[] b = HEX.parseHex(hex);
            assertFalse(new GenericNack().wrap(b, 0, b.length).isValid(), hex);
        }
    }
}
