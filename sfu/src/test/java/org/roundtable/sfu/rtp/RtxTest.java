package org.roundtable.sfu.rtp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtxTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encapsulateInsertsTheOriginalSequenceNumberAfterTheHeader() {
        byte[] orig = HEX.parseHex("90e0000a" + "00000064" + "00000001" + "bede0001" + "30000102" + "aabbcc");
        byte[] dst = new byte[40];
        int len = Rtx.encapsulate(new RtpPacket().wrap(orig, 0, orig.length), 97, 2, 5, dst, 3);
        assertEquals(orig.length + 2, len);
        assertEquals("90e10005" + "00000064" + "00000002" + "bede0001" + "30000102" + "000a" + "aabbcc",
                HEX.formatHex(dst, 3, 3 + len));
    }

    @Test
    void encapsulateDropsTheOriginalsPadding() {
        byte[] orig = HEX.parseHex("a060000a" + "00000064" + "00000001" + "aabb" + "0002");
        byte[] dst = new byte[32];
        int len = Rtx.encapsulate(new RtpPacket().wrap(orig, 0, orig.length), 97, 2, 5, dst, 0);
        assertEquals("80610005" + "00000064" + "00000002" + "000a" + "aabb", HEX.formatHex(dst, 0, len));
    }

    @Test
    void encapsulateRefusesInvalidInputAndShortDestinations() {
        byte[] bad = HEX.parseHex("a060000a" + "00000064" + "00000001" + "aabb" + "0009");
        assertEquals(-1, Rtx.encapsulate(new RtpPacket().wrap(bad, 0, bad.length), 97, 2, 5, new byte[64], 0));
        byte[] ok = HEX.parseHex("8060000a" + "00000064" + "00000001" + "aabb");
        assertEquals(-1, Rtx.encapsulate(new RtpPacket().wrap(ok, 0, ok.length), 97, 2, 5, new byte[15], 0));
        assertEquals(16, Rtx.encapsulate(new RtpPacket().wrap(ok, 0, ok.length), 97, 2, 5, new byte[16], 0));
    }

    @Test
    void decapsulateInPlaceKeepsPaddingValid() {
        byte[] b = HEX.parseHex("ff" + "a0610005" + "00000064" + "00000002" + "000a" + "aabb" + "000003");
        RtpPacket p = new RtpPacket().wrap(b, 1, b.length - 1);
        int len = Rtx.decapsulate(p, 96, 1);
        assertEquals(b.length - 3, len);
        assertEquals(len, p.length());
        assertTrue(p.isValid());
        assertEquals("a060000a" + "00000064" + "00000001" + "aabb" + "000003", HEX.formatHex(b, 1, 1 + len));
        assertEquals(2, p.payloadLength());
    }

    @Test
    void encapsulateInPlaceGrowsThePacketByTwoBytes() {
        byte[] b = HEX.parseHex("90e0000a" + "00000064" + "00000001" + "bede0001" + "30000102" + "aabbcc" + "0000");
        int len = Rtx.encapsulate(new RtpPacket().wrap(b, 0, b.length - 2), 97, 2, 5, b, 0);
        assertEquals(b.length, len);
        assertEquals("90e10005" + "00000064" + "00000002" + "bede0001" + "30000102" + "000a" + "aabbcc", HEX.formatHex(b));
    }

    @Test
    void paddingOnlyAndInvalidPacketsAreRefused() {
        byte[] probe = HEX.parseHex("a0610005" + "00000000" + "00000002" + "0000000004");
        RtpPacket p = new RtpPacket().wrap(probe, 0, probe.length);
        assertEquals(-1, Rtx.originalSequenceNumber(p));
        assertEquals(-1, Rtx.decapsulate(p, 96, 1));
        byte[] oneByte = HEX.parseHex("80610005" + "00000000" + "00000002" + "00");
        assertEquals(-1, Rtx.decapsulate(new RtpPacket().wrap(oneByte, 0, oneByte.length), 96, 1));
        byte[] truncated = HEX.parseHex("806100050000");
        assertEquals(-1, Rtx.decapsulate(new RtpPacket().wrap(truncated, 0, truncated.length), 96, 1));
    }
}
