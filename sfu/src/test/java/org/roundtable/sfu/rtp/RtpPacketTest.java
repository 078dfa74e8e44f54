package org.roundtable.sfu.rtp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpPacketTest {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Hand-assembled: V=2 P=1 X=1 CC=1, M=1 PT=111, seq 0x1234, ts 0xDEADBEEF, SSRC 0x01020304,
     * CSRC 0x0A0B0C0D, one-byte extensions (id 1 len 1, a padding byte, id 3 len 3, a padding
     * byte), payload 11 22 33, three bytes of RTP padding.
     */
    static final String ONE_BYTE = "b1ef1234deadbeef01020304" + "0a0b0c0d" + "bede0002" + "10aa" + "00" + "32010203" + "00"
            + "112233" + "000003";
    /** V=2 X=1, PT 96, seq 1, ts 100, SSRC 5, two-byte extensions (id 5 len 0, id 12 "ABC", padding), payload FF. */
    static final String TWO_BYTE = "906000010000006400000005" + "10000002" + "0500" + "0c03414243" + "00" + "ff";

    private static RtpPacket packet(String hex) {
        byte[] b = HEX.parseHex(hex);
        return new RtpPacket().wrap(b, 0, b.length);
    }

    @Test
    void readsTheFixedHeaderCsrcsExtensionsAndPadding() {
        RtpPacket p = packet(ONE_BYTE);
        assertTrue(p.isValid());
        assertEquals(34, p.length());
        assertEquals(2, p.version());
        assertTrue(p.marker());
        assertEquals(111, p.payloadType());
        assertEquals(0x1234, p.sequenceNumber());
        assertEquals(0xDEADBEEFL, p.timestamp());
        assertEquals(0x01020304L, p.ssrc());
        assertEquals(1, p.csrcCount());
        assertEquals(0x0A0B0C0DL, p.csrc(0));
        assertEquals(0xBEDE, p.extensionProfile());
        assertTrue(p.isOneByteExtensions());
        assertEquals(28, p.headerLength());
        assertEquals(28, p.payloadOffset());
        assertEquals(3, p.payloadLength());
        assertEquals(3, p.paddingLength());
        assertEquals(21, p.findExtension(1));
        assertEquals(1, p.extensionLength(1));
        assertEquals(24, p.findExtension(3));
        assertEquals(3, p.extensionLength(3));
        assertEquals(-1, p.findExtension(2));
        assertEquals(-1, p.extensionLength(2));
        assertEquals(-1, p.findExtension(0));
    }

    @Test
    void readsTwoByteExtensionsIncludingEmptyOnes() {
        RtpPacket p = packet(TWO_BYTE);
        assertTrue(p.isValid());
        assertEquals(0x1000, p.extensionProfile());
        assertTrue(p.isTwoByteExtensions());
        assertFalse(p.marker());
        assertEquals(24, p.headerLength());
        assertEquals(1, p.payloadLength());
        assertEquals(18, p.findExtension(5));
        assertEquals(0, p.extensionLength(5));
        assertEquals(20, p.findExtension(12));
        assertEquals(3, p.extensionLength(12));
        int first = p.nextElement(-1);
        assertEquals(5, p.elementId(first));
        int second = p.nextElement(p.elementDataOffset(first) + p.elementDataLength(first));
        assertEquals(12, p.elementId(second));
        assertEquals(-1, p.nextElement(p.elementDataOffset(second) + p.elementDataLength(second)));
    }

    @Test
    void packetWithoutExtensions() {
        RtpPacket p = packet("8000ffff" + "ffffffff" + "ffffffff" + "0102");
        assertTrue(p.isValid());
        assertFalse(p.hasExtensions());
        assertEquals(-1, p.extensionProfile());
        assertEquals(-1, p.findExtension(1));
        assertEquals(-1, p.nextElement(-1));
        assertEquals(65535, p.sequenceNumber());
        assertEquals(0xFFFFFFFFL, p.timestamp());
        assertEquals(0xFFFFFFFFL, p.ssrc());
        assertEquals(12, p.headerLength());
        assertEquals(2, p.payloadLength());
        p.remapExtensionIds(new byte[16]);
        assertArrayEquals(HEX.parseHex("8000ffffffffffffffffffff0102"), p.buffer());
    }

    @Test
    void settersTouchOnlyTheirField() {
        RtpPacket p = packet(ONE_BYTE);
        p.setMarker(false);
        assertEquals(111, p.payloadType());
        assertFalse(p.marker());
        p.setPayloadType(96);
        assertFalse(p.marker());
        p.setMarker(true);
        assertEquals(96, p.payloadType());
        p.setSequenceNumber(65535);
        p.setTimestamp(0xFFFFFFFFL);
        p.setSsrc(0x80000001L);
        assertEquals("b1e0ffffffffffff80000001", HEX.formatHex(p.buffer(), 0, 12));
        p.setSequenceNumber(65536 + 7);
        assertEquals(7, p.sequenceNumber());
        p.setTimestamp(0x1_0000_0002L);
        assertEquals(2, p.timestamp());
        assertEquals(ONE_BYTE.substring(24), HEX.formatHex(p.buffer(), 12, 34));
    }

    @Test
    void remapsOneByteIdsAndTurnsDroppedElementsIntoPadding() {
        RtpPacket p = packet(ONE_BYTE);
        byte[] map = new byte[16];
        map[1] = 5;
        map[3] = 0;
        p.remapExtensionIds(map);
        assertTrue(p.isValid());
        assertEquals("bede0002" + "50aa" + "00" + "00000000" + "00", HEX.formatHex(p.buffer(), 16, 28));
        assertEquals(21, p.findExtension(5));
        assertEquals(-1, p.findExtension(1));
        assertEquals(-1, p.findExtension(3));
        assertEquals(3, p.payloadLength());
    }

    @Test
    void oneByteFormCannotTakeIdsAbove14SoTheyAreDropped() {
        RtpPacket p = packet(ONE_BYTE);
        byte[] map = new byte[16];
        map[1] = 15;
        map[3] = 14;
        p.remapExtensionIds(map);
        assertEquals("bede0002" + "0000" + "00" + "e2010203" + "00", HEX.formatHex(p.buffer(), 16, 28));
        assertEquals(24, p.findExtension(14));
        assertEquals(3, p.extensionLength(14));
    }

    @Test
    void idsBeyondTheMapAreDropped() {
        RtpPacket p = packet(ONE_BYTE);
        p.remapExtensionIds(new byte[] {0, 9});
        assertEquals("bede0002" + "90aa" + "00" + "00000000" + "00", HEX.formatHex(p.buffer(), 16, 28));
    }

    @Test
    void remapsTwoByteIdsUpTo255() {
        RtpPacket p = packet(TWO_BYTE);
        byte[] map = new byte[256];
        map[5] = (byte) 200;
        map[12] = 0;
        p.remapExtensionIds(map);
        assertTrue(p.isValid());
        assertEquals("10000002" + "c800" + "0000000000" + "00", HEX.formatHex(p.buffer(), 12, 24));
        assertEquals(18, p.findExtension(200));
        assertEquals(-1, p.findExtension(12));
    }

    @Test
    void remapStopsAtTheOneByteTerminatorId15() {
        // id 1 (len 1), then id 15: the rest of the block must not be interpreted (RFC 8285 4.2).
        RtpPacket p = packet("900000010000000000000001" + "bede0001" + "10aa" + "f0" + "20");
        assertTrue(p.isValid());
        byte[] map = new byte[16];
        map[1] = 3;
        map[2] = 4;
        p.remapExtensionIds(map);
        assertEquals("30aaf020", HEX.formatHex(p.buffer(), 16, 20));
        assertEquals(-1, p.findExtension(2));
    }

    @Test
    void remapDoesNotAllocate() {
        RtpPacket p = packet(ONE_BYTE);
        byte[] identity = new byte[16];
        for (int i = 0; i < 16; i++) {
            identity[i] = (byte) i;
        }
        byte[] before = p.buffer().clone();
        p.remapExtensionIds(identity);
        assertArrayEquals(before, p.buffer());
    }

    @Test
    void everyTruncationIsInvalid() {
        for (String hex : new String[] {ONE_BYTE, TWO_BYTE}) {
            byte[] b = HEX.parseHex(hex);
            RtpPacket p = new RtpPacket();
            for (int len = 0; len < b.length; len++) {
                if (hex.equals(TWO_BYTE) && len >= 24) {
                    continue; // header complete, no padding: a shorter payload is still a packet
                }
                assertFalse(p.wrap(b, 0, len).isValid(), hex + " cut to " + len);
            }
        }
    }

    @Test
    void malformedHeadersAreInvalid() {
        // version 1
        assertFalse(packet("400000010000000000000001").isValid());
        // CC=2 but no CSRCs
        assertFalse(packet("820000010000000000000001").isValid());
        // extension block claims 2 words, has 1
        assertFalse(packet("900000010000000000000001" + "bede0002" + "10aa0000").isValid());
        // one-byte element with L=15 (16 bytes) in a 4-byte block
        assertFalse(packet("900000010000000000000001" + "bede0001" + "1f000000").isValid());
        // two-byte element claims 9 bytes in a 4-byte block
        assertFalse(packet("900000010000000000000001" + "10000001" + "05090000").isValid());
        // two-byte element header cut by the block end
        assertFalse(packet("900000010000000000000001" + "10000001" + "00000005").isValid());
        // padding count 0
        assertFalse(packet("a00000010000000000000001" + "0100").isValid());
        // padding count larger than the packet body
        assertFalse(packet("a00000010000000000000001" + "0103").isValid());
        // exactly the whole body is padding: valid, empty payload
        RtpPacket paddingOnly = packet("a00000010000000000000001" + "0002");
        assertTrue(paddingOnly.isValid());
        assertEquals(0, paddingOnly.payloadLength());
        // unknown extension profile: opaque block, still a valid packet
        RtpPacket unknown = packet("900000010000000000000001" + "abcd0001" + "ffffffff");
        assertTrue(unknown.isValid());
        assertEquals(-1, unknown.findExtension(15));
        assertEquals(-1, unknown.nextElement(-1));
        // wrap beyond the array
        assertFalse(new RtpPacket().wrap(new byte[12], 4, 12).isValid());
        assertFalse(new RtpPacket().wrap(null, 0, 12).isValid());
    }

    @Test
    void tellsRtpFromRtcpByTheSecondByte() {
        byte[] sr = HEX.parseHex("80c8000600000001");
        assertTrue(RtpPacket.looksLikeRtcp(sr, 0, sr.length));
        assertFalse(RtpPacket.looksLikeRtp(sr, 0, sr.length));
        byte[] rtp = HEX.parseHex(ONE_BYTE);
        assertTrue(RtpPacket.looksLikeRtp(rtp, 0, rtp.length));
        assertFalse(RtpPacket.looksLikeRtcp(rtp, 0, rtp.length));
        // PT 72 without marker is 0x48 = RTCP SR under rtcp-mux's view of the range
        byte[] pt72 = HEX.parseHex("804800010000000000000001");
        assertFalse(RtpPacket.looksLikeRtp(pt72, 0, pt72.length));
        byte[] pt63 = HEX.parseHex("80bf00010000000000000001");
        assertTrue(RtpPacket.looksLikeRtp(pt63, 0, pt63.length));
        byte[] pt96 = HEX.parseHex("80e000010000000000000001");
        assertTrue(RtpPacket.looksLikeRtp(pt96, 0, pt96.length));
        assertFalse(RtpPacket.looksLikeRtp(rtp, 0, 11));
        assertFalse(RtpPacket.looksLikeRtp(rtp, 30, 12));
        byte[] dtls = HEX.parseHex("16fefd000000000000000000");
        assertFalse(RtpPacket.looksLikeRtp(dtls, 0, dtls.length));
        assertFalse(RtpPacket.looksLikeRtcp(dtls, 0, dtls.length));
        assertFalse(RtpPacket.looksLikeRtcp(sr, 0, 3));
    }

    @Test
    void worksAtAnOffsetInsideALargerBuffer() {
        byte[] inner = HEX.parseHex(ONE_BYTE);
        byte[] b = new byte[100];
        System.arraycopy(inner, 0, b, 40, inner.length);
        RtpPacket p = new RtpPacket().wrap(b, 40, inner.length);
        assertTrue(p.isValid());
        assertEquals(68, p.payloadOffset());
        assertEquals(61, p.findExtension(1));
        assertEquals(0xDEADBEEFL, p.timestamp());
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(8285);
        RtpPacket p = new RtpPacket();
        byte[] map = new byte[256];
        for (int i = 0; i < map.length; i++) {
            map[i] = (byte) (255 - i);
        }
        byte[] template = HEX.parseHex(ONE_BYTE);
        for (int round = 0; round < 20_000; round++) {
            byte[] b;
            if (round % 2 == 0) {
                b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                if (b.length > 0) {
                    b[0] = (byte) (0x80 | (b[0] & 0x3F));
                }
            } else {
                b = template.clone();
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (b.length >= 2 && random.nextBoolean()) {
                b[0] = (byte) (b[0] | 0x10);
                int at = 12 + 4 * (b[0] & 0x0F);
                if (at + 1 < b.length) {
                    b[at] = (byte) 0xBE;
                    b[at + 1] = (byte) 0xDE;
                }
            }
            p.wrap(b, 0, b.length);
            if (p.isValid()) {
                assertTrue(p.payloadLength() >= 0);
                assertTrue(p.payloadOffset() + p.payloadLength() <= b.length);
                for (int id = 1; id < 256; id++) {
                    int at = p.findExtension(id);
                    if (at >= 0) {
                        assertTrue(at + p.extensionLength(id) <= p.headerLength());
                    }
                }
                p.remapExtensionIds(map);
                assertTrue(p.isValid());
            }
        }
    }
}
