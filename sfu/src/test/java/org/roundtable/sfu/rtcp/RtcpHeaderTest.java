package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtcpHeaderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void readsTheCommonHeader() {
        byte[] b = HEX.parseHex("00" + "a1c90007" + "deadbeef");
        assertEquals(2, RtcpHeader.version(b, 1));
        assertTrue(RtcpHeader.padding(b, 1));
        assertEquals(1, RtcpHeader.count(b, 1));
        assertEquals(RtcpHeader.RR, RtcpHeader.packetType(b, 1));
        assertEquals(7, RtcpHeader.lengthWords(b, 1));
        assertEquals(32, RtcpHeader.byteLength(b, 1));
        assertEquals(0xDEADBEEFL, RtcpHeader.senderSsrc(b, 1));
        byte[] max = HEX.parseHex("bfcdffff");
        assertEquals(31, RtcpHeader.fmt(max, 0));
        assertEquals(65536 * 4, RtcpHeader.byteLength(max, 0));
    }

    @Test
    void writesVersionTwoWithoutPadding() {
        byte[] b = new byte[4];
        assertEquals(4, RtcpHeader.write(b, 0, 15, RtcpHeader.RTPFB, 28));
        assertEquals("8fcd0006", HEX.formatHex(b));
        RtcpHeader.write(b, 0, 0, RtcpHeader.SR, 28);
        assertEquals("80c80006", HEX.formatHex(b));
        assertFalse(RtcpHeader.padding(b, 0));
    }
}
