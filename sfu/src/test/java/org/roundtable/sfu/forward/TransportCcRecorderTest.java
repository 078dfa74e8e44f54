package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransportCcRecorderTest {
    @Test
    void reportsReceivedAndMissingFromBaseAcrossWraparound() {
        TransportCcRecorder r = new TransportCcRecorder();
        assertFalse(r.hasPending());
        r.record(65_534, 1_000);
        r.record(0, 3_000); // 65535 lost
        r.record(1, 4_000);
        assertTrue(r.hasPending());
        assertEquals(65_534, r.baseExt());
        assertEquals(4, r.pendingCount());
        assertEquals(1_000, r.arrivalNanos(65_534));
        assertEquals(-1, r.arrivalNanos(65_535));
        assertEquals(3_000, r.arrivalNanos(65_536));
        assertEquals(0, r.markReported());
        assertFalse(r.hasPending());
        r.record(2, 5_000);
        assertEquals(65_537 + 1, r.baseExt());
        assertEquals(1, r.pendingCount());
        assertEquals(1, r.markReported());
    }

    @Test
    void lateArrivalOfAnAlreadyReportedPacketIsIgnored() {
        TransportCcRecorder r = new TransportCcRecorder();
        r.record(10, 1);
        r.record(12, 2);
        r.markReported();
        r.record(11, 3);
        assertFalse(r.hasPending());
    }
}
