package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResendIndexTest {
    @Test
    void mapsWhatWasSentBackToItsSourcePacketAcrossTheWrap() {
        ResendIndex index = new ResendIndex(4);
        for (int i = 0; i < 6; i++) {
            int outSeq = (65_534 + i) & 0xFFFF;
            index.record(outSeq, 0xFFFF_FF00L + 10L * i, 0xAB, 100 + i);
        }
        assertEquals(-1, index.find(65_534), "overwritten");
        assertEquals(-1, index.find(65_535), "overwritten");
        int slot = index.find(3);
        assertTrue(slot >= 0);
        assertEquals(0xAB, index.sourceSsrc(slot));
        assertEquals(105, index.sourceSeq(slot));
        assertEquals((0xFFFF_FF00L + 50) & 0xFFFFFFFFL, index.outTimestamp(slot), "a 32-bit timestamp, unsigned");
        assertEquals(-1, index.find(4), "never sent");
    }

    @Test
    void resendIsRateLimitedPerPacketAndASendClearsIt() {
        ResendIndex index = new ResendIndex(8);
        index.record(10, 0, 1, 1);
        int slot = index.find(10);
        assertTrue(index.claimResend(slot, 1_000, 5_000));
        assertFalse(index.claimResend(slot, 3_000, 5_000));
        assertTrue(index.claimResend(slot, 6_000, 5_000));
        index.record(18, 0, 1, 9); // the slot is reused by a later packet
        assertTrue(index.claimResend(index.find(18), 7_000, 5_000));
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new ResendIndex(6));
    }
}
