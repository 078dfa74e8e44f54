package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writesOneEntryWithItsSequenceNumber() {
        byte[] b = new byte[20];
        assertEquals(Fir.size(), Fir.write(b, 0, 1, 2821094821L, 7));
        assertEquals("84ce0004" + "00000001" + "00000000" + "a8267da5" + "07000000", HEX.formatHex(b));
        Fir fir = new Fir().wrap(b, 0, 20);
        assertTrue(fir.isValid());
        assertTrue(Fir.matches(b, 0));
        assertEquals(1, fir.senderSsrc());
        assertEquals(0, fir.mediaSsrc());
        assertEquals(1, fir.entryCount());
        assertEquals(2821094821L, fir.ssrc(0));
        assertEquals(7, fir.sequenceNumber(0));
        assertEquals(7, fir.sequenceNumberFor(2821094821L));
        assertEquals(-1, fir.sequenceNumberFor(5));
        Fir.write(b, 0, 1, 2, 256 + 255);
        assertEquals(255, new Fir().wrap(b, 0, 20).sequenceNumber(0), "the sequence number is 8 bits");
    }

    @Test
    void parsesSeveralEntries() {
        byte[] b = HEX.parseHex("84ce0006" + "00000001" + "00000000" + "0000000a" + "01000000" + "0000000b" + "02000000");
        Fir fir = new Fir().wrap(b, 0, b.length);
        assertTrue(fir.isValid());
        assertEquals(2, fir.entryCount());
        assertEquals(2, fir.sequenceNumberFor(11));
    }

    @Test
    void rejectsPliAndMissingEntries() {
        byte[] pli = HEX.parseHex("81ce0004" + "00000001" + "00000000" + "a8267da5" + "07000000");
        assertFalse(new Fir().wrap(pli, 0, pli.length).isValid());
        byte[] noEntry = HEX.parseHex("84ce0002" + "00000001" + "00000000");
        assertFalse(new Fir().wrap(noEntry, 0, noEntry.length).isValid());
    }
}
