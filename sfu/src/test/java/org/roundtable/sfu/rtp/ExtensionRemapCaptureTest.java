package org.roundtable.sfu.rtp;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.fixtures.ChromiumCapture;
import org.roundtable.sfu.fixtures.ChromiumCapture.Datagram;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-mapping the ids of real packets (one- and two-byte forms, from the simulcast capture) to a
 * receiver's ids keeps each kept extension's data and payload byte for byte.
 */
class ExtensionRemapCaptureTest {

    @Test
    void remappedPacketsKeepTheirExtensionDataAndPayload() {
        // receiver: abs-send-time 2 -> 5, transport-cc 3 -> 1, mid 4 -> 9, rid 10 -> 14, the rest dropped
        byte[] map = new byte[256];
        map[2] = 5;
        map[3] = 1;
        map[4] = 9;
        map[10] = 14;
        RtpPacket before = new RtpPacket();
        RtpPacket after = new RtpPacket();
        int twoByte = 0;
        for (Datagram d : ChromiumCapture.load(ChromiumCapture.SIMULCAST).rtp()) {
            byte[] copy = d.bytes().clone();
            before.wrap(d.bytes(), 0, d.bytes().length);
            after.wrap(copy, 0, copy.length);
            if (after.isTwoByteExtensions()) {
                twoByte++;
            }
            after.remapExtensionIds(map);
            assertTrue(after.isValid());
            assertEquals(before.payloadOffset(), after.payloadOffset());
            assertArrayEquals(Arrays.copyOfRange(d.bytes(), before.payloadOffset(), d.bytes().length),
                    Arrays.copyOfRange(copy, after.payloadOffset(), copy.length));
            for (int oldId = 1; oldId < 256; oldId++) {
                int newId = map[oldId];
                if (newId == 0) {
                    continue;
                }
                int at = before.findExtension(oldId);
                if (at < 0) {
                    assertEquals(-1, after.findExtension(newId));
                    continue;
                }
                int len = before.extensionLength(oldId);
                assertEquals(len, after.extensionLength(newId));
                assertArrayEquals(Arrays.copyOfRange(d.bytes(), at, at + len),
                        Arrays.copyOfRange(copy, after.findExtension(newId), after.findExtension(newId) + len));
            }
            for (int dropped : new int[] {7, 8, 11, 12, 13}) {  // unmapped and not reused as a new id
                assertEquals(-1, after.findExtension(dropped), "id " + dropped + " dropped");
            }
        }
        assertEquals(9, twoByte, "3 two-byte packets per layer");
    }
}
