package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderReportTest {
    private static final HexFormat HEX = HexFormat.of();
    /** From the Chromium capture: SSRC 2821094821, no report blocks. */
    private static final String CAPTURED = "80c80006a8267da5eeb491e272af89c5c3efc10b0000001700003ff9";
    private static final String BLOCK = "11223344" + "40fffffe" + "00010005" + "00000020" + "91e272af" + "00010000";

    @Test
    void parsesACapturedSenderReport() {
        byte[] b = HEX.parseHex(CAPTURED);
        SenderReport sr = new SenderReport().wrap(b, 0, b.length);
        assertTrue(sr.isValid());
        assertEquals(2821094821L, sr.senderSsrc());
        assertEquals(0xeeb491e272af89c5L, sr.ntpTimestamp());
        assertEquals(0x91e272afL, sr.ntpMiddle32());
        assertEquals(0xc3efc10bL, sr.rtpTimestamp());
        assertEquals(23, sr.packetCount());
        assertEquals(16377, sr.octetCount());
        assertEquals(0, sr.reportCount());
        assertEquals(28, SenderReport.size(0));
    }

    @Test
    void writesItBackAndAppendsReportBlocks() {
        byte[] b = new byte[80];
        int n = SenderReport.write(b, 4, 2821094821L, 0xeeb491e272af89c5L, 0xc3efc10bL, 23, 16377);
        assertEquals(28, n);
        assertEquals(CAPTURED, HEX.formatHex(b, 4, 4 + n));
        n += ReportBlock.append(b, 4, 0x11223344L, 0x40, -2, 0x10005, 0x20, 0x91e272afL, 0x10000);
        assertEquals(SenderReport.size(1), n);
        assertEquals("81c8000c" + CAPTURED.substring(8) + BLOCK, HEX.formatHex(b, 4, 4 + n));

        SenderReport sr = new SenderReport().wrap(b, 4, n);
        assertTrue(sr.isValid());
        assertEquals(1, sr.reportCount());
        ReportBlock block = sr.reportBlock(0);
        assertEquals(0x11223344L, block.ssrc());
        assertEquals(0x40, block.fractionLost());
        assertEquals(-2, block.cumulativeLost());
        assertEquals(0x10005L, block.extHighestSeq());
        assertEquals(0x20, block.jitter());
        assertEquals(sr.ntpMiddle32(), block.lsr());
        assertEquals(0x10000L, block.dlsr());
    }

    @Test
    void rejectsTruncatedOrInconsistentReports() {
        byte[] b = HEX.parseHex(CAPTURED);
        for (int len = 0; len < b.length; len++) {
            assertFalse(new SenderReport().wrap(b, 0, len).isValid(), "cut to " + len);
        }
        // RC=1 but no block
        assertFalse(new SenderReport().wrap(HEX.parseHex("81" + CAPTURED.substring(2)), 0, 28).isValid());
        // an RR is not an SR
        assertFalse(new SenderReport().wrap(HEX.parseHex("80c9" + CAPTURED.substring(4)), 0, 28).isValid());
        // length field shorter than the sender info
        assertFalse(new SenderReport().wrap(HEX.parseHex("80c80001" + CAPTURED.substring(8)), 0, 28).isValid());
        assertFalse(new SenderReport().wrap(null, 0, 28).isValid());
    }
}
