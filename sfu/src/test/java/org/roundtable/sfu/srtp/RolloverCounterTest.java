package org.roundtable.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sender's rollover counter (RFC 3711 3.3.1) on in-order, wrapping and late sequence numbers. */
class RolloverCounterTest {
    @Test
    void staysAtZeroUntilTheSequenceNumberWraps() {
        RolloverCounter c = new RolloverCounter();
        assertEquals(0, c.next(65530));
        assertEquals(0, c.next(65535));
        assertEquals(1, c.next(0));
        assertEquals(1, c.next(1));
    }

    @Test
    void aLatePacketFromBeforeTheWrapKeepsItsOldCounter() {
        RolloverCounter c = new RolloverCounter();
        c.next(65534);
        assertEquals(1, c.next(2));
        assertEquals(0, c.next(65535), "a retransmission of the last packet before the wrap");
        assertEquals(1, c.next(3), "and the counter did not go back");
    }

    @Test
    void aLatePacketInTheSameCycleDoesNotMoveTheHighestSequenceNumber() {
        RolloverCounter c = new RolloverCounter();
        c.next(40000);
        assertEquals(0, c.next(39000));
        assertEquals(0, c.next(40001));
        assertEquals(1, c.next(100), "more than half a cycle ahead of 40001: the next cycle");
    }

    @Test
    void countsManyCycles() {
        RolloverCounter c = new RolloverCounter();
        int roc = 0;
        for (int i = 0; i < 5 * 65536; i += 1000) {
            roc = c.next(i & 0xFFFF);
        }
        assertEquals(4, roc);
    }
}
