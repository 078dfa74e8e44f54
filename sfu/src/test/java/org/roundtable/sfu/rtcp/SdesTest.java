package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdesTest {
    private static final HexFormat HEX = HexFormat.of();
    /** From the audio+video capture. */
    private static final String CAPTURED = "81ca0006a8267da50110796134444363766a694e4a79587151620000";
    /** From the simulcast capture: a video layer's chunk with an empty CNAME. */
    private static final String EMPTY_CNAME = "81ca000244466c0e01000000";
    /** Hand-assembled: chunk 1 CNAME "abc"; chunk 2 NAME "x" then an empty CNAME. */
    private static final String TWO_CHUNKS = "82ca0006" + "00000001" + "0103616263" + "000000"
            + "00000002" + "020178" + "0100" + "00" + "0000";

    @Test
    void parsesTheCapturedCname() {
        byte[] b = HEX.parseHex(CAPTURED);
        Sdes s = new Sdes().wrap(b, 0, b.length);
        assertTrue(s.isValid());
        assertEquals(1, s.chunkCount());
        assertEquals(2821094821L, s.ssrc(0));
        assertEquals("ya4DCcvjiNJyXqQb", s.cname(0));
        assertEquals(10, s.findItem(0, Sdes.CNAME));
        assertEquals(16, s.itemLength(0, Sdes.CNAME));
        assertEquals(-1, s.findItem(0, 2));
        assertEquals(-1, s.itemLength(0, 2));
    }

    @Test
    void writesTheCapturedBytesAndTheEmptyCname() {
        byte[] b = new byte[28];
        assertEquals(28, Sdes.write(b, 0, 2821094821L, "ya4DCcvjiNJyXqQb".getBytes(StandardCharsets.UTF_8)));
        assertEquals(CAPTURED, HEX.formatHex(b));
        assertEquals(28, Sdes.size(16));
        byte[] e = new byte[12];
        assertEquals(12, Sdes.write(e, 0, 0x44466c0eL, new byte[0]));
        assertEquals(EMPTY_CNAME, HEX.formatHex(e));
        Sdes s = new Sdes().wrap(e, 0, e.length);
        assertTrue(s.isValid());
        assertEquals("", s.cname(0));
        // a CNAME whose item + null byte ends exactly on a word boundary still gets its null byte
        byte[] five = new byte[Sdes.size(5)];
        assertEquals(16, Sdes.write(five, 0, 1, "abcde".getBytes(StandardCharsets.UTF_8)));
        assertEquals("81ca0003" + "00000001" + "01056162636465" + "00", HEX.formatHex(five));
        byte[] six = new byte[Sdes.size(6)];
        assertEquals(20, Sdes.write(six, 0, 1, "abcdef".getBytes(StandardCharsets.UTF_8)));
        assertEquals("81ca0004" + "00000001" + "0106616263646566" + "00000000", HEX.formatHex(six));
    }

    @Test
    void walksSeveralChunksAndItems() {
        byte[] b = HEX.parseHex(TWO_CHUNKS);
        Sdes s = new Sdes().wrap(b, 0, b.length);
        assertTrue(s.isValid());
        assertEquals(2, s.chunkCount());
        assertEquals(1, s.ssrc(0));
        assertEquals("abc", s.cname(0));
        assertEquals(2, s.ssrc(1));
        assertEquals("", s.cname(1));
        assertEquals(1, s.itemLength(1, 2));
        assertEquals('x', b[s.findItem(1, 2)]);
        byte[] noCname = HEX.parseHex("81ca0002" + "00000001" + "02000000");
        assertNull(new Sdes().wrap(noCname, 0, noCname.length).cname(0));
    }

    @Test
    void rejectsOverrunsAndMissingChunks() {
        String[] bad = {
            "81ca0002" + "00000001" + "01090000",              // item longer than the packet
            "81ca0002" + "00000001" + "01026162",              // no null item before the end
            "82ca0006" + CAPTURED.substring(8),                // two chunks announced, one present
            "81ca0001" + "00000001",                           // chunk without its null item
            "81c90002" + "00000001" + "01000000",              // an RR
        };
        for (String hex : bad) {
            byte[] b = HEX.parseHex(hex);
            assertFalse(new Sdes().wrap(b, 0, b.length).isValid(), hex);
        }
        byte[] b = HEX.parseHex(CAPTURED);
        for (int len = 0; len < b.length; len++) {
            assertFalse(new Sdes().wrap(b, 0, len).isValid(), "cut to " + len);
        }
        // zero chunks is a valid (if useless) SDES
        byte[] empty = HEX.parseHex("80ca0000");
        assertTrue(new Sdes().wrap(empty, 0, 4).isValid());
    }
}
