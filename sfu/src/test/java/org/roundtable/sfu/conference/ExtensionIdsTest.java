package org.roundtable.sfu.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.rtp.AbsSendTimeExtension;
import org.roundtable.sfu.rtp.AudioLevelExtension;
import org.roundtable.sfu.rtp.RtpPacket;
import org.roundtable.sfu.rtp.TransportCcExtension;
import org.roundtable.sfu.testutil.TestPackets;

class ExtensionIdsTest {
    @Test
    void mapsPublisherIdsToReceiverIdsAndDropsStreamIdentification() {
        ExtensionIds publisher = new ExtensionIds(Map.of(AudioLevelExtension.URI, 1, AbsSendTimeExtension.URI, 2,
                TransportCcExtension.URI, 3, ExtensionIds.MID, 4));
        ExtensionIds receiver = new ExtensionIds(Map.of(AudioLevelExtension.URI, 5, TransportCcExtension.URI, 1,
                ExtensionIds.MID, 9));
        byte[] map = ExtensionIds.remapTable(publisher, receiver);
        assertEquals(5, map[1]);
        assertEquals(0, map[2], "receiver did not negotiate abs-send-time");
        assertEquals(1, map[3]);
        assertEquals(0, map[4], "mid names the publisher's m-section: not forwarded");

        byte[] pkt = TestPackets.rtp(111, 1, 0, 1, false, new int[][] {{1, 0x9E}, {3, 0x12, 0x34}, {4, '0'}}, 10, 0);
        RtpPacket rtp = new RtpPacket().wrap(pkt, 0, pkt.length);
        rtp.remapExtensionIds(map);
        assertEquals(0x1E, AudioLevelExtension.level(pkt, rtp.findExtension(5)));
        assertEquals(0x1234, TransportCcExtension.read(pkt, rtp.findExtension(1)));
        assertEquals(-1, rtp.findExtension(4));
        assertEquals(-1, rtp.findExtension(9));
    }
}
