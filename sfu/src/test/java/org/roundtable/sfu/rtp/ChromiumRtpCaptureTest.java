package org.roundtable.sfu.rtp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roundtable.sfu.fixtures.ChromiumCapture;
import org.roundtable.sfu.fixtures.ChromiumCapture.Datagram;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every RTP packet Chromium 156 sent in the captures, checked against the capture's metadata. */
class ChromiumRtpCaptureTest {
    private static final long AUDIO_SSRC = 488819547L;
    private static final long VIDEO_SSRC = 2821094821L;
    private static final long RTX_SSRC = 3054792755L;
    private static final int AUDIO_LEVEL_ID = 1;
    private static final int ABS_SEND_TIME_ID = 2;
    private static final int TRANSPORT_CC_ID = 3;
    private static final int RTP_STREAM_ID = 10;
    private static final int REPAIRED_RTP_STREAM_ID = 11;

    /** What the meta's "streams" entries record, recomputed from our parser. */
    private static final class StreamStats {
        final Map<Integer, Integer> payloadTypes = new TreeMap<>();
        final Map<Integer, Integer> extensionIds = new TreeMap<>();
        final Map<String, Integer> profiles = new TreeMap<>();
        int packets;
        long bytes;
        int minSize = Integer.MAX_VALUE;
        int maxSize;
        int firstSeq = -1;
        int lastSeq;
        long firstTimestamp;
        int markers;
        int paddingOnly;
        String rid;
        String repairedRid;
    }

    @ParameterizedTest
    @ValueSource(strings = {ChromiumCapture.AUDIO_VIDEO, ChromiumCapture.SIMULCAST})
    void everyRtpPacketParsesAndMatchesTheMetaStreamStatistics(String name) {
        ChromiumCapture capture = ChromiumCapture.load(name);
        RtpPacket p = new RtpPacket();
        Map<Long, StreamStats> bySsrc = new LinkedHashMap<>();
        int rtp = 0;
        for (Datagram d : capture.datagrams()) {
            byte[] b = d.bytes();
            assertEquals(d.isRtp(), RtpPacket.looksLikeRtp(b, 0, b.length));
            assertEquals(d.isRtcp(), RtpPacket.looksLikeRtcp(b, 0, b.length));
            if (!d.isRtp()) {
                continue;
            }
            rtp++;
            p.wrap(b, 0, b.length);
            assertTrue(p.isValid(), "packet at " + d.tMicros());
            assertTrue(p.payloadLength() >= 0);
            StreamStats s = bySsrc.computeIfAbsent(p.ssrc(), k -> new StreamStats());
            s.packets++;
            s.bytes += b.length;
            s.minSize = Math.min(s.minSize, b.length);
            s.maxSize = Math.max(s.maxSize, b.length);
            if (s.firstSeq < 0) {
                s.firstSeq = p.sequenceNumber();
                s.firstTimestamp = p.timestamp();
            }
            s.lastSeq = p.sequenceNumber();
            s.payloadTypes.merge(p.payloadType(), 1, Integer::sum);
            if (p.marker()) {
                s.markers++;
            }
            if (p.hasPadding() && p.payloadLength() == 0) {
                s.paddingOnly++;
            }
            String profile = p.isOneByteExtensions() ? "0xbede" : p.isTwoByteExtensions() ? "0x1000" : "other";
            s.profiles.merge(profile, 1, Integer::sum);
            for (int e = p.nextElement(-1); e >= 0; e = p.nextElement(p.elementDataOffset(e) + p.elementDataLength(e))) {
                s.extensionIds.merge(p.elementId(e), 1, Integer::sum);
                assertEquals(p.elementDataOffset(e), p.findExtension(p.elementId(e)));
                assertEquals(p.elementDataLength(e), p.extensionLength(p.elementId(e)));
            }
            if (p.findExtension(RTP_STREAM_ID) >= 0) {
                s.rid = new String(b, p.findExtension(RTP_STREAM_ID), p.extensionLength(RTP_STREAM_ID), StandardCharsets.US_ASCII);
            }
            if (p.findExtension(REPAIRED_RTP_STREAM_ID) >= 0) {
                s.repairedRid = new String(b, p.findExtension(REPAIRED_RTP_STREAM_ID),
                        p.extensionLength(REPAIRED_RTP_STREAM_ID), StandardCharsets.US_ASCII);
            }
        }
        assertEquals(capture.meta().get("rtpPackets").asInt(), rtp);
        assertEquals(capture.meta().get("streams").size(), bySsrc.size());
        for (Map.Entry<Long, StreamStats> entry : bySsrc.entrySet()) {
            JsonNode m = capture.stream(entry.getKey());
            assertNotNull(m, "SSRC " + entry.getKey() + " is in the meta");
            StreamStats s = entry.getValue();
            assertEquals(m.get("packets").asInt(), s.packets);
            assertEquals(m.get("bytes").asLong(), s.bytes);
            assertEquals(m.get("minPacketSize").asInt(), s.minSize);
            assertEquals(m.get("maxPacketSize").asInt(), s.maxSize);
            assertEquals(m.get("firstSeq").asInt(), s.firstSeq);
            assertEquals(m.get("lastSeq").asInt(), s.lastSeq);
            assertEquals(m.get("firstRtpTimestamp").asLong(), s.firstTimestamp);
            assertEquals(m.get("markerPackets").asInt(), s.markers);
            assertEquals(m.get("paddingOnlyPackets").asInt(), s.paddingOnly);
            assertEquals(intMap(m.get("payloadTypes")), s.payloadTypes);
            assertEquals(intMap(m.get("headerExtensionIdsSeen")), s.extensionIds);
            Map<String, Integer> profiles = new TreeMap<>();
            m.get("headerExtensionProfiles").fields().forEachRemaining(f -> profiles.put(f.getKey(), f.getValue().asInt()));
            assertEquals(profiles, s.profiles);
            if (m.has("rid")) {
                assertEquals(m.get("rid").asText(), s.rid);
            }
            if (m.has("repairedRid")) {
                assertEquals(m.get("repairedRid").asText(), s.repairedRid);
            }
        }
    }

    private static Map<Integer, Integer> intMap(JsonNode node) {
        Map<Integer, Integer> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            map.put(Integer.parseInt(f.getKey()), f.getValue().asInt());
        }
        return map;
    }

    @ParameterizedTest
    @ValueSource(strings = {ChromiumCapture.AUDIO_VIDEO, ChromiumCapture.SIMULCAST})
    void transportWideSequenceNumbersIncreaseByOneInArrivalOrder(String name) {
        RtpPacket p = new RtpPacket();
        int previous = -1;
        int checked = 0;
        for (Datagram d : ChromiumCapture.load(name).rtp()) {
            p.wrap(d.bytes(), 0, d.bytes().length);
            int at = p.findExtension(TRANSPORT_CC_ID);
            assertEquals(TransportCcExtension.DATA_LENGTH, p.extensionLength(TRANSPORT_CC_ID));
            int seq = TransportCcExtension.read(d.bytes(), at);
            if (previous >= 0) {
                assertEquals((previous + 1) & 0xFFFF, seq);
                checked++;
            }
            previous = seq;
        }
        assertTrue(checked > 400);
    }

    @Test
    void absSendTimeAdvancesWithTheReceiveClock() {
        RtpPacket p = new RtpPacket();
        List<Datagram> rtp = ChromiumCapture.load(ChromiumCapture.AUDIO_VIDEO).rtp();
        Datagram first = rtp.get(0);
        Datagram last = rtp.get(rtp.size() - 1);
        int firstValue = absSendTime(p, first);
        int lastValue = absSendTime(p, last);
        long sentNanos = Math.floorMod(AbsSendTimeExtension.toNanos(lastValue) - AbsSendTimeExtension.toNanos(firstValue),
                AbsSendTimeExtension.WRAP_NANOS);
        long receivedNanos = (last.tMicros() - first.tMicros()) * 1000;
        // Loopback: the send clock and the receive clock advance together within a few ms.
        assertTrue(Math.abs(sentNanos - receivedNanos) < 50_000_000L, sentNanos + " vs " + receivedNanos);
    }

    private static int absSendTime(RtpPacket p, Datagram d) {
        p.wrap(d.bytes(), 0, d.bytes().length);
        assertEquals(AbsSendTimeExtension.DATA_LENGTH, p.extensionLength(ABS_SEND_TIME_ID));
        return AbsSendTimeExtension.read(d.bytes(), p.findExtension(ABS_SEND_TIME_ID));
    }

    @Test
    void everyOpusPacketCarriesAReadableAudioLevel() {
        RtpPacket p = new RtpPacket();
        Set<Integer> levels = new HashSet<>();
        int packets = 0;
        for (Datagram d : ChromiumCapture.load(ChromiumCapture.AUDIO_VIDEO).rtp()) {
            p.wrap(d.bytes(), 0, d.bytes().length);
            if (p.ssrc() != AUDIO_SSRC) {
                assertEquals(-1, p.findExtension(AUDIO_LEVEL_ID));
                continue;
            }
            packets++;
            assertEquals(1, p.extensionLength(AUDIO_LEVEL_ID));
            int at = p.findExtension(AUDIO_LEVEL_ID);
            int level = AudioLevelExtension.level(d.bytes(), at);
            assertTrue(level >= 0 && level <= AudioLevelExtension.SILENCE);
            assertTrue(AudioLevelExtension.voiceActivity(d.bytes(), at), "the fake device beeps: voice activity on");
            levels.add(level);
        }
        assertEquals(501, packets);
        assertTrue(levels.size() > 10, "the fake device's beep makes the level vary: " + levels.size());
    }

    @Test
    void vp8DescriptorsCarryFifteenBitPictureIdsAndTheFirstPacketIsA640x480Keyframe() {
        ChromiumCapture capture = ChromiumCapture.load(ChromiumCapture.AUDIO_VIDEO);
        RtpPacket p = new RtpPacket();
        Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
        boolean first = true;
        int keyframes = 0;
        int frames = 0;
        long previousTimestamp = -1;
        int previousPictureId = -1;
        for (Datagram d : capture.rtp()) {
            p.wrap(d.bytes(), 0, d.bytes().length);
            if (p.ssrc() != VIDEO_SSRC) {
                continue;
            }
            vp8.wrap(d.bytes(), p.payloadOffset(), p.payloadLength());
            assertTrue(vp8.isValid());
            assertTrue(vp8.hasPictureId());
            assertTrue(vp8.hasFifteenBitPictureId());
            assertFalse(vp8.hasTl0PicIdx());
            assertEquals(-1, vp8.temporalLayer());
            assertEquals(4, vp8.descriptorLength());
            if (first) {
                assertTrue(vp8.isKeyframe());
                assertEquals(640, vp8.keyframeWidth());
                assertEquals(480, vp8.keyframeHeight());
                first = false;
            }
            if (vp8.isKeyframe()) {
                keyframes++;
            }
            if (p.timestamp() != previousTimestamp) {
                frames++;
                assertTrue(vp8.startOfPartition(), "a frame starts with S=1");
                if (previousPictureId >= 0) {
                    assertEquals((previousPictureId + 1) & 0x7FFF, vp8.pictureId());
                }
            } else {
                assertEquals(previousPictureId, vp8.pictureId(), "packets of one frame share the picture id");
            }
            previousTimestamp = p.timestamp();
            previousPictureId = vp8.pictureId();
        }
        JsonNode video = capture.stream(VIDEO_SSRC);
        assertEquals(video.get("vp8Keyframes").size(), keyframes);
        assertEquals(video.get("vp8Frames").asInt(), frames);
    }

    @Test
    void simulcastKeyframesHaveTheSizesOfTheirLayers() {
        ChromiumCapture capture = ChromiumCapture.load(ChromiumCapture.SIMULCAST);
        RtpPacket p = new RtpPacket();
        Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
        Map<Long, int[]> firstKeyframeSize = new TreeMap<>();
        for (Datagram d : capture.rtp()) {
            p.wrap(d.bytes(), 0, d.bytes().length);
            if (p.payloadType() != 96) {
                continue;
            }
            vp8.wrap(d.bytes(), p.payloadOffset(), p.payloadLength());
            assertTrue(vp8.isValid());
            assertFalse(vp8.hasExtendedControlBits(), "with the dependency descriptor VP8 drops the X extension");
            assertEquals(-1, vp8.pictureId());
            if (vp8.isKeyframe()) {
                firstKeyframeSize.putIfAbsent(p.ssrc(), new int[] {vp8.keyframeWidth(), vp8.keyframeHeight(), p.sequenceNumber()});
            }
        }
        for (JsonNode s : capture.meta().get("streams")) {
            if (!s.has("vp8Keyframes")) {
                continue;
            }
            JsonNode k = s.get("vp8Keyframes").get(0);
            int[] seen = firstKeyframeSize.get(s.get("ssrc").asLong());
            assertNotNull(seen);
            assertArrayEquals(new int[] {k.get("width").asInt(), k.get("height").asInt(), k.get("seq").asInt()}, seen);
        }
    }

    @Test
    void rtxProbesDecapsulateToTheLastPacketOfTheKeyframe() {
        ChromiumCapture capture = ChromiumCapture.load(ChromiumCapture.AUDIO_VIDEO);
        RtpPacket p = new RtpPacket();
        byte[] original = null;
        for (Datagram d : capture.rtp()) {
            p.wrap(d.bytes(), 0, d.bytes().length);
            if (p.ssrc() == VIDEO_SSRC && p.sequenceNumber() == 12655) {
                original = Arrays.copyOfRange(d.bytes(), p.payloadOffset(), p.payloadOffset() + p.payloadLength());
            }
        }
        assertNotNull(original);
        int payloadBearing = 0;
        int paddingOnly = 0;
        for (Datagram d : capture.rtp()) {
            byte[] b = d.bytes().clone();
            p.wrap(b, 0, b.length);
            if (p.ssrc() != RTX_SSRC) {
                continue;
            }
            assertEquals(97, p.payloadType());
            if (p.payloadLength() == 0) {
                paddingOnly++;
                assertEquals(-1, Rtx.decapsulate(p, 96, VIDEO_SSRC));
                assertArrayEquals(d.bytes(), b, "a refused packet is left untouched");
                continue;
            }
            payloadBearing++;
            int length = Rtx.decapsulate(p, 96, VIDEO_SSRC);
            assertEquals(d.bytes().length - 2, length);
            assertTrue(p.isValid());
            assertEquals(12655, p.sequenceNumber());
            assertEquals(96, p.payloadType());
            assertEquals(VIDEO_SSRC, p.ssrc());
            assertArrayEquals(original, Arrays.copyOfRange(b, p.payloadOffset(), p.payloadOffset() + p.payloadLength()));
        }
        assertEquals(4, payloadBearing);
        assertEquals(4, paddingOnly);
    }

    @Test
    void rtxEncapsulationOfACapturedPacketRoundTrips() {
        RtpPacket p = new RtpPacket();
        for (Datagram d : ChromiumCapture.load(ChromiumCapture.AUDIO_VIDEO).rtp()) {
            p.wrap(d.bytes(), 0, d.bytes().length);
            if (p.ssrc() != VIDEO_SSRC) {
                continue;
            }
            byte[] rtx = new byte[1500];
            int length = Rtx.encapsulate(p, 97, RTX_SSRC, 2449, rtx, 10);
            assertEquals(d.bytes().length + 2, length);
            RtpPacket r = new RtpPacket().wrap(rtx, 10, length);
            assertTrue(r.isValid());
            assertEquals(RTX_SSRC, r.ssrc());
            assertEquals(2449, r.sequenceNumber());
            assertEquals(97, r.payloadType());
            assertEquals(p.marker(), r.marker());
            assertEquals(p.sequenceNumber(), Rtx.originalSequenceNumber(r));
            assertEquals(d.bytes().length, Rtx.decapsulate(r, 96, VIDEO_SSRC));
            assertArrayEquals(d.bytes(), Arrays.copyOfRange(rtx, 10, 10 + d.bytes().length));
        }
    }
}
