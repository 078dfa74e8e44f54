package org.roundtable.sfu.rtcp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roundtable.sfu.fixtures.ChromiumCapture;
import org.roundtable.sfu.fixtures.ChromiumCapture.Datagram;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every RTCP compound Chromium 156 sent in the captures: SR + SDES, checked against the meta. */
class ChromiumRtcpCaptureTest {

    @ParameterizedTest
    @ValueSource(strings = {ChromiumCapture.AUDIO_VIDEO, ChromiumCapture.SIMULCAST})
    void everyCompoundIsASenderReportPlusSdesWithTheMetasCname(String name) {
        ChromiumCapture capture = ChromiumCapture.load(name);
        List<Datagram> rtcp = capture.rtcp();
        JsonNode expected = capture.meta().get("rtcp").get("packets");
        assertEquals(expected.size(), rtcp.size());
        RtcpCompound compound = new RtcpCompound();
        SenderReport sr = new SenderReport();
        Sdes sdes = new Sdes();
        for (int i = 0; i < rtcp.size(); i++) {
            byte[] b = rtcp.get(i).bytes();
            JsonNode meta = expected.get(i);
            assertEquals(meta.get("length").asInt(), b.length);
            assertEquals(2, RtcpCompound.count(b, 0, b.length));
            compound.wrap(b, 0, b.length);
            assertTrue(compound.isValid());

            assertTrue(compound.next());
            assertEquals(RtcpHeader.SR, compound.packetType());
            assertEquals(meta.get("packets").get(0).get("type").asInt(), compound.packetType());
            sr.wrap(b, compound.packetOffset(), compound.packetLength());
            assertTrue(sr.isValid());
            long ssrc = meta.get("packets").get(0).get("senderSsrc").asLong();
            assertEquals(ssrc, sr.senderSsrc());
            assertEquals(0, sr.reportCount(), "the browser received nothing, so it reports on nothing");
            assertTrue(sr.packetCount() > 0);
            assertTrue(sr.octetCount() > sr.packetCount());
            // Captured on 2026-11-27: NTP seconds since 1900 of that day.
            long ntpSeconds = sr.ntpTimestamp() >>> 32;
            assertEquals(4_004_802_000L, ntpSeconds, 100_000L);

            assertTrue(compound.next());
            assertEquals(RtcpHeader.SDES, compound.packetType());
            sdes.wrap(b, compound.packetOffset(), compound.packetLength());
            assertTrue(sdes.isValid());
            assertEquals(1, sdes.chunkCount());
            assertEquals(ssrc, sdes.ssrc(0));
            JsonNode item = meta.get("packets").get(1).get("sdes").get(0);
            assertEquals(Sdes.CNAME, item.get(0).asInt());
            assertEquals(item.get(1).asText(), sdes.cname(0));

            assertTrue(!compound.next());

            // Our writers reproduce the browser's bytes exactly.
            byte[] rebuilt = new byte[b.length];
            int n = SenderReport.write(rebuilt, 0, sr.senderSsrc(), sr.ntpTimestamp(), sr.rtpTimestamp(),
                    sr.packetCount(), sr.octetCount());
            n += Sdes.write(rebuilt, n, ssrc, item.get(1).asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(b.length, n);
            assertEquals(java.util.HexFormat.of().formatHex(b), java.util.HexFormat.of().formatHex(rebuilt));
        }
    }
}
