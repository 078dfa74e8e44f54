package org.roundtable.loadtest.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.rtcp.TransportCcFeedback;

class TransportCcRecorderTest {

    @Test
    void feedbackParsesWithTheWireClassAndReportsGapsAsLost() {
        TransportCcRecorder r = new TransportCcRecorder();
        long base = 5_000_000_000L;
        int[] seqs = {65533, 65534, 0, 1}; // 65535 lost, across the wrap
        for (int i = 0; i < seqs.length; i++) {
            r.record(seqs[i], base + i * 2_000_000L);
        }
        byte[] b = new byte[1500];
        int len = r.write(b, 10, 0x11111111L, 0x22222222L);
        assertTrue(len > 0);
        assertFalse(r.hasPending());
        TransportCcFeedback f = new TransportCcFeedback().wrap(b, 10, len);
        assertTrue(f.isValid());
        assertEquals(65533, f.baseSequenceNumber());
        assertEquals(5, f.packetStatusCount());
        assertEquals(0x11111111L, f.senderSsrc());
        boolean[] received = new boolean[5];
        long[] arrival = new long[5];
        int i = 0;
        while (f.next()) {
            received[i] = f.received();
            arrival[i] = f.arrivalMicros();
            i++;
        }
        assertEquals(5, i);
        assertTrue(received[0] && received[1] && !received[2] && received[3] && received[4]);
        assertEquals(2_000, arrival[1] - arrival[0]);
        assertEquals(2_000, arrival[3] - arrival[1]); // the lost one in between has no arrival
        assertEquals(0, r.write(b, 0, 1, 2), "nothing left to report");
        r.record(2, base + 10_000_000L);
        TransportCcFeedback next = new TransportCcFeedback().wrap(b, 0, r.write(b, 0, 1, 2));
        assertEquals(2, next.baseSequenceNumber());
        assertEquals(1, next.feedbackPacketCount());
    }
}
