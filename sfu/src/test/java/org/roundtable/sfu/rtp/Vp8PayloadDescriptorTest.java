package org.roundtable.sfu.rtp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vp8PayloadDescriptorTest {
    private static final HexFormat HEX = HexFormat.of();

    private static Vp8PayloadDescriptor wrap(byte[] b) {
        return new Vp8PayloadDescriptor().wrap(b, 0, b.length);
    }

    @Test
    void minimalDescriptorOnAKeyframeGivesTheFrameSize() {
        // S=1 PID=0, no X; VP8 frame tag 50 02 00 (P=0: key frame), start code, 320 (scale bits 01) x 240.
        byte[] b = HEX.parseHex("10" + "500200" + "9d012a" + "4041" + "f000");
        Vp8PayloadDescriptor d = wrap(b);
        assertTrue(d.isValid());
        assertEquals(1, d.descriptorLength());
        assertTrue(d.startOfPartition());
        assertEquals(0, d.partitionId());
        assertTrue(d.isKeyframe());
        assertEquals(320, d.keyframeWidth());
        assertEquals(240, d.keyframeHeight());
        assertFalse(d.hasPictureId());
        assertEquals(-1, d.pictureId());
        assertEquals(-1, d.tl0PicIdx());
        assertEquals(-1, d.temporalLayer());
        assertEquals(-1, d.keyIndex());
        d.setPictureId(5);
        d.setTl0PicIdx(5);
        assertEquals("10500200", HEX.formatHex(b, 0, 4), "setters without the field are no-ops");
    }

    @Test
    void allOptionalFieldsWithFifteenBitPictureId() {
        // X S; I L T K; M=1 id 0x0123; TL0PICIDX 0x45; TID=2 Y=1 KEYIDX=5; then an interframe (P=1).
        byte[] b = HEX.parseHex("90" + "f0" + "8123" + "45" + "a5" + "3100");
        Vp8PayloadDescriptor d = wrap(b);
        assertTrue(d.isValid());
        assertEquals(6, d.descriptorLength());
        assertTrue(d.hasFifteenBitPictureId());
        assertEquals(0x123, d.pictureId());
        assertEquals(0x45, d.tl0PicIdx());
        assertEquals(2, d.temporalLayer());
        assertTrue(d.layerSync());
        assertEquals(5, d.keyIndex());
        assertFalse(d.isKeyframe());
        assertEquals(-1, d.keyframeWidth());
        d.setPictureId(0x8001); // keeps 15 bits
        d.setTl0PicIdx(300);
        assertEquals("90f080012ca53100", HEX.formatHex(b));
        assertEquals(1, d.pictureId());
        assertEquals(44, d.tl0PicIdx());
        d.setPictureId(0x7FFF);
        assertEquals("90f0ffff2ca53100", HEX.formatHex(b));
    }

    @Test
    void sevenBitPictureIdKeepsItsWidth() {
        byte[] b = HEX.parseHex("80" + "80" + "7f" + "00");
        Vp8PayloadDescriptor d = wrap(b);
        assertTrue(d.isValid());
        assertEquals(3, d.descriptorLength());
        assertFalse(d.hasFifteenBitPictureId());
        assertEquals(127, d.pictureId());
        assertFalse(d.startOfPartition());
        assertFalse(d.isKeyframe(), "S=0: not the start of a frame");
        d.setPictureId(130);
        assertEquals("80800200", HEX.formatHex(b));
        assertEquals(2, d.pictureId());
    }

    @Test
    void temporalLayerWithoutKeyIndexAndKeyIndexWithoutTemporalLayer() {
        Vp8PayloadDescriptor t = wrap(HEX.parseHex("80" + "20" + "40" + "00"));
        assertEquals(3, t.descriptorLength());
        assertEquals(1, t.temporalLayer());
        assertFalse(t.layerSync());
        assertEquals(-1, t.keyIndex());
        Vp8PayloadDescriptor k = wrap(HEX.parseHex("80" + "10" + "df" + "00"));
        assertEquals(-1, k.temporalLayer());
        assertFalse(k.layerSync());
        assertEquals(31, k.keyIndex());
    }

    @Test
    void otherPartitionsAreNotKeyframes() {
        // S=1 PID=1 with a key-frame-looking byte after it
        assertFalse(wrap(HEX.parseHex("11" + "500200")).isKeyframe());
        // non-reference bit
        assertTrue(wrap(HEX.parseHex("30" + "510200")).nonReference());
    }

    @Test
    void truncatedDescriptorsAreInvalid() {
        for (String hex : new String[] {"", "80", "8080", "808080", "8040", "8020", "80c07f", "80e08123"}) {
            Vp8PayloadDescriptor d = wrap(HEX.parseHex(hex));
            assertFalse(d.isValid(), hex);
            assertFalse(d.isKeyframe(), hex);
            assertFalse(d.hasPictureId(), hex);
            assertEquals(-1, d.temporalLayer(), hex);
        }
        assertFalse(new Vp8PayloadDescriptor().wrap(new byte[4], 2, 4).isValid());
        // a keyframe whose header is cut before the size: a keyframe, but no size
        Vp8PayloadDescriptor cut = wrap(HEX.parseHex("10" + "500200" + "9d012a" + "40"));
        assertTrue(cut.isKeyframe());
        assertEquals(-1, cut.keyframeWidth());
        assertEquals(-1, cut.keyframeHeight());
    }
}
