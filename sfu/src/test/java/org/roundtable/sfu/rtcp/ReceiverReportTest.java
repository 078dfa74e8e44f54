package org.roundtable.sfu.rtcp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiverReportTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String RR = "82c9000d" + "00000001"
            + "a8267da5" + "00000000" + "0000316d" + "00000004" + "00000000" + "00000000"
            + "1d22cb5b" + "ff7fffff" + "00020001" + "ffffffff" + "eeb491e2" + "0000ffff";

    @Test
    void parsesTwoHandAssembledBlocks() {
        byte[] b = HEX.parseHex(RR);
        ReceiverReport rr = new ReceiverReport().wrap(b, 0, b.length);
        assertTrue(rr.isValid());
        assertEquals(1, rr.senderSsrc());
        assertEquals(2, rr.reportCount());
        ReportBlock first = rr.reportBlock(0);
        assertEquals(2821094821L, first.ssrc());
        assertEquals(0, first.fractionLost());
        assertEquals(0, first.cumulativeLost());
        assertEquals(12653, first.extHighestSeq());
        assertEquals(4, first.jitter());
        ReportBlock second = rr.reportBlock(1);
        assertEquals(488819547L, second.ssrc());
        assertEquals(255, second.fractionLost());
        assertEquals(ReportBlock.MAX_CUMULATIVE_LOST, second.cumulativeLost());
        assertEquals(0x20001L, second.extHighestSeq(), "one wrap (cycle 2) then seq 1");
        assertEquals(0xFFFFFFFFL, second.jitter());
        assertEquals(0xeeb491e2L, second.lsr());
        assertEquals(0xFFFFL, second.dlsr());
    }

    @Test
    void writesTheSameBytes() {
        byte[] b = new byte[RR.length() / 2];
        int n = ReceiverReport.write(b, 0, 1);
        assertEquals(ReceiverReport.LENGTH_WITHOUT_BLOCKS, n);
        n += ReportBlock.append(b, 0, 2821094821L, 0, 0, 12653, 4, 0, 0);
        // cumulative loss beyond 24 bits is clamped
        n += ReportBlock.append(b, 0, 488819547L, 255, 50_000_000, 0x20001L, 0xFFFFFFFFL, 0xeeb491e2L, 0xFFFF);
        assertEquals(ReceiverReport.size(2), n);
        assertEquals(RR, HEX.formatHex(b));
    }

    @Test
    void negativeCumulativeLossIsSigned24Bit() {
        byte[] b = new byte[24];
        ReportBlock.write(b, 0, 1, 0, -9_000_000, 0, 0, 0, 0);
        assertEquals("00800000", HEX.formatHex(b, 4, 8));
        assertEquals(ReportBlock.MIN_CUMULATIVE_LOST, new ReportBlock().wrap(b, 0).cumulativeLost());
    }

    @Test
    void appendStopsAt31Blocks() {
        byte[] b = new byte[ReceiverReport.size(32)];
        ReceiverReport.write(b, 0, 1);
        for (int i = 0; i < 31; i++) {
            assertEquals(ReportBlock.LENGTH, ReportBlock.append(b, 0, i, 0, 0, 0, 0, 0, 0));
        }
        assertEquals(-1, ReportBlock.append(b, 0, 99, 0, 0, 0, 0, 0, 0));
        ReceiverReport rr = new ReceiverReport().wrap(b, 0, ReceiverReport.size(31));
        assertTrue(rr.isValid());
        assertEquals(31, rr.reportCount());
        assertEquals(30, rr.reportBlock(30).ssrc());
    }

    @Test
    void rejectsMissingBlocks() {
        byte[] b = HEX.parseHex(RR);
        // header says 2 blocks, length says 1
        byte[] shortened = HEX.parseHex("82c90007" + RR.substring(8, 8 + 8 + 48));
        assertFalse(new ReceiverReport().wrap(shortened, 0, shortened.length).isValid());
        for (int len = 0; len < b.length; len++) {
            assertFalse(new ReceiverReport().wrap(b, 0, len).isValid(), "cut to " + len);
        }
    }
}
