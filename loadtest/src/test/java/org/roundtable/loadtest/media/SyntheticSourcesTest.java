package org.roundtable.loadtest.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.rtp.Vp8PayloadDescriptor;

class SyntheticSourcesTest {
    // Chromium 156's ids (see the fixture README): 1 audio level, 2 abs-send-time, 3 transport-cc, 4 mid, 10 rid
    private static final HeaderExtensionIds AUDIO_IDS = new HeaderExtensionIds(1, 2, 3, 4, 0);
    private static final HeaderExtensionIds VIDEO_IDS = new HeaderExtensionIds(0, 2, 3, 4, 10);

    private final byte[] buf = new byte[1500];
    private final RtpPacket rtp = new RtpPacket();

    @Test
    void opusPacketsParseWithTheWireClassesAndHitTheBitrate() {
        SyntheticOpusSource opus = new SyntheticOpusSource(
                new RtpHeaderWriter(111, 0xDEADBEEFL, AUDIO_IDS, "0", null), 42, 32_000, new SplittableRandom(1));
        long payloadBytes = 0;
        int lastSeq = -1;
        long lastTs = -1;
        int packets = 50 * 20;
        for (int i = 0; i < packets; i++) {
            long now = 1_000_000_000L + i * SyntheticOpusSource.INTERVAL_NANOS;
            assertEquals(1, opus.nextFrame(now));
            int len = opus.writePacket(0, buf, 0, 7000 + i, now);
            rtp.wrap(buf, 0, len);
            assertTrue(rtp.isValid(), "packet " + i);
            assertEquals(111, rtp.payloadType());
            assertEquals(0xDEADBEEFL, rtp.ssrc());
            assertEquals(i == 0, rtp.marker());
            if (lastSeq >= 0) {
                assertEquals((lastSeq + 1) & 0xFFFF, rtp.sequenceNumber());
                assertEquals((lastTs + 960) & 0xFFFFFFFFL, rtp.timestamp());
            }
            lastSeq = rtp.sequenceNumber();
            lastTs = rtp.timestamp();
            assertEquals(RtpPacket.ONE_BYTE_PROFILE, rtp.extensionProfile());
            int level = rtp.findExtension(1);
            assertTrue(level > 0);
            assertTrue(AudioLevelExtension.level(buf, level) <= 127);
            assertEquals(7000 + i, TransportCcExtension.read(buf, rtp.findExtension(3)));
            assertEquals(AbsSendTimeExtension.fromNanos(now), AbsSendTimeExtension.read(buf, rtp.findExtension(2)));
            assertEquals("0", new String(buf, rtp.findExtension(4), rtp.extensionLength(4), StandardCharsets.US_ASCII));
            assertEquals(0x78, buf[rtp.payloadOffset()] & 0xFF);
            int stamp = MediaStamp.find(buf, rtp.payloadOffset(), rtp.payloadLength());
            assertTrue(stamp > 0);
            assertEquals(42, MediaStamp.streamId(buf, stamp));
            assertEquals(i, MediaStamp.counter(buf, stamp));
            assertEquals(now, MediaStamp.sendNanos(buf, stamp));
            payloadBytes += rtp.payloadLength();
        }
        double kbps = payloadBytes * 8.0 / (packets / 50.0) / 1000;
        // talk spurts and pauses: somewhere between the pause size and the target
        assertTrue(kbps > 12 && kbps < 36, "audio payload bitrate " + kbps);
    }

    @Test
    void vp8FramesHaveValidDescriptorsKeyframesAndMarkers() {
        int fps = 30;
        int bitrate = 1_000_000;
        SyntheticVp8Source vp8 = new SyntheticVp8Source(
                new RtpHeaderWriter(96, 0x1234L, VIDEO_IDS, "1", "f"), 7, 1280, 720, fps, bitrate, 60, false,
                new SplittableRandom(2));
        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
        long payloadBytes = 0;
        int keyframes = 0;
        int lastPictureId = -1;
        int frames = fps * 4;
        for (int f = 0; f < frames; f++) {
            long now = f * vp8.intervalNanos();
            int n = vp8.nextFrame(now);
            long frameTs = -1;
            for (int i = 0; i < n; i++) {
                int len = vp8.writePacket(i, buf, 0, f * 100 + i, now);
                assertTrue(len <= SyntheticSource.MAX_PACKET, "packet of " + len + " bytes");
                rtp.wrap(buf, 0, len);
                assertTrue(rtp.isValid());
                assertEquals(i == n - 1, rtp.marker());
                if (frameTs < 0) {
                    frameTs = rtp.timestamp();
                }
                assertEquals(frameTs, rtp.timestamp());
                assertEquals("f", new String(buf, rtp.findExtension(10), rtp.extensionLength(10), StandardCharsets.US_ASCII));
                d.wrap(buf, rtp.payloadOffset(), rtp.payloadLength());
                assertTrue(d.isValid());
                assertTrue(d.hasFifteenBitPictureId());
                assertEquals(i == 0, d.startOfPartition());
                assertEquals(0, d.partitionId());
                if (lastPictureId >= 0) {
                    assertEquals(i == 0 ? (lastPictureId + 1) & 0x7FFF : lastPictureId, d.pictureId());
                }
                lastPictureId = d.pictureId();
                if (i == 0 && d.isKeyframe()) {
                    keyframes++;
                    assertEquals(1280, d.keyframeWidth());
                    assertEquals(720, d.keyframeHeight());
                }
                assertTrue(MediaStamp.find(buf, rtp.payloadOffset(), rtp.payloadLength()) > 0);
                payloadBytes += rtp.payloadLength();
            }
        }
        assertEquals(2, keyframes); // frame 0 and frame 60
        double bps = payloadBytes * 8.0 / (frames / (double) fps);
        assertTrue(Math.abs(bps - bitrate) < bitrate * 0.1, "video payload bitrate " + bps);
    }

    @Test
    void requestedKeyframeComesNextAndLayeredDescriptorCarriesTl0PicIdx() {
        SyntheticVp8Source vp8 = new SyntheticVp8Source(
                new RtpHeaderWriter(96, 99L, HeaderExtensionIds.NONE, null, null), 3, 320, 180, 20, 150_000, 0, true,
                new SplittableRandom(3));
        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
        int tl0 = -1;
        for (int f = 0; f < 5; f++) {
            int n = vp8.nextFrame(0);
            for (int i = 0; i < n; i++) {
                int len = vp8.writePacket(i, buf, 0, 0, 0);
                rtp.wrap(buf, 0, len);
                assertFalse(rtp.hasExtensions());
                d.wrap(buf, rtp.payloadOffset(), rtp.payloadLength());
                assertTrue(d.hasTl0PicIdx());
                assertEquals(0, d.temporalLayer());
                if (i == 0) {
                    assertEquals(f == 0, d.isKeyframe(), "frame " + f); // first frame is a keyframe, no periodic ones
                    if (tl0 >= 0) {
                        assertEquals((tl0 + 1) & 0xFF, d.tl0PicIdx());
                    }
                    tl0 = d.tl0PicIdx();
                }
            }
        }
        vp8.requestKeyframe();
        vp8.nextFrame(0);
        vp8.writePacket(0, buf, 0, 0, 0);
        rtp.wrap(buf, 0, 1200);
        assertTrue(d.wrap(buf, rtp.payloadOffset(), rtp.payloadLength()).isKeyframe());
        assertEquals(320, d.keyframeWidth());
    }
}
