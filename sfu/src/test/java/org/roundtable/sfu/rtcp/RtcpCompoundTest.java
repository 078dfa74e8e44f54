package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtcpCompoundTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Chromium 156's first SR + SDES (CNAME ya4DCcvjiNJyXqQb), from the capture. */
    static final String SR_SDES = "80c80006a8267da5eeb491e272af89c5c3efc10b0000001700003ff9"
            + "81ca0006a8267da50110796134444363766a694e4a79587151620000";
    private static final String PLI = "81ce00020000000100000002";

    @Test
    void visitsEachPacketOfACompound() {
        byte[] b = HEX.parseHex("ffff" + SR_SDES + PLI);
        List<String> seen = new ArrayList<>();
        int n = RtcpCompound.forEach(b, 2, b.length - 2, (buf, off, len, pt, fmt) -> seen.add(off + ":" + len + ":" + pt + ":" + fmt));
        assertEquals(3, n);
        assertEquals(List.of("2:28:200:0", "30:28:202:1", "58:12:206:1"), seen);

        RtcpCompound c = new RtcpCompound().wrap(b, 2, b.length - 2);
        assertTrue(c.isValid());
        assertTrue(c.next());
        assertEquals(RtcpHeader.SR, c.packetType());
        assertTrue(c.next());
        assertEquals(RtcpHeader.SDES, c.packetType());
        assertEquals(1, c.countOrFmt());
        assertTrue(c.next());
        assertEquals(RtcpHeader.PSFB, c.packetType());
        assertEquals(58, c.packetOffset());
        assertEquals(12, c.packetLength());
        assertFalse(c.next());
        assertFalse(c.next());
    }

    @Test
    void paddingIsAllowedOnTheLastPacketOnly() {
        // PLI with P=1 and 4 bytes of padding (length 3 words)
        String paddedPli = "a1ce00030000000100000002" + "00000004";
        byte[] ok = HEX.parseHex(SR_SDES + paddedPli);
        assertEquals(3, RtcpCompound.count(ok, 0, ok.length));
        byte[] notLast = HEX.parseHex(paddedPli + SR_SDES);
        assertEquals(-1, RtcpCompound.count(notLast, 0, notLast.length));
        byte[] zeroPad = HEX.parseHex("a1ce00030000000100000002" + "00000000");
        assertEquals(-1, RtcpCompound.count(zeroPad, 0, zeroPad.length));
        byte[] tooMuchPad = HEX.parseHex("a1ce00030000000100000002" + "00000011");
        assertEquals(-1, RtcpCompound.count(tooMuchPad, 0, tooMuchPad.length));
    }

    @Test
    void rejectsInconsistentLengthsWithoutVisitingAnything() {
        String[] bad = {
            "",                                   // empty
            "80c8",                               // shorter than a header
            SR_SDES.substring(0, SR_SDES.length() - 8), // last packet cut
            SR_SDES + "81ce0002",                 // trailing header without body
            SR_SDES + "00000000",                 // trailing garbage (version 0)
            "80c8000780000000" + SR_SDES.substring(16), // first length overruns the datagram
            "40c80000",                           // version 1
            SR_SDES + "81",                       // not a multiple of 4
        };
        for (String hex : bad) {
            byte[] b = HEX.parseHex(hex);
            List<Integer> seen = new ArrayList<>();
            assertEquals(-1, RtcpCompound.forEach(b, 0, b.length, (buf, off, len, pt, fmt) -> seen.add(pt)), hex);
            assertTrue(seen.isEmpty(), hex);
            RtcpCompound c = new RtcpCompound().wrap(b, 0, b.length);
            assertFalse(c.isValid(), hex);
            assertFalse(c.next(), hex);
        }
        assertEquals(-1, RtcpCompound.count(null, 0, 0));
        assertEquals(-1, RtcpCompound.count(new byte[8], 4, 8));
    }

    @Test
    void everyTruncationOfACompoundIsRejected() {
        byte[] b = HEX.parseHex(SR_SDES);
        for (int len = 0; len < b.length; len++) {
            if (len == 28) {
                assertEquals(1, RtcpCompound.count(b, 0, len), "the SR alone is a compound");
                continue;
            }
            assertEquals(-1, RtcpCompound.count(b, 0, len), "cut to " + len);
        }
    }
}
