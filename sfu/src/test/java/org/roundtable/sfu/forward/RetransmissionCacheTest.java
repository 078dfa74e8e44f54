package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RetransmissionCacheTest {
    @Test
    void findsStoredPacketsAndForgetsOverwrittenOnes() {
        RetransmissionCache c = new RetransmissionCache(4);
        byte[] pkt = {1, 2, 3, 4, 5};
        for (int seq = 65_534; seq < 65_534 + 6; seq++) {
            pkt[0] = (byte) seq;
            c.store(seq & 0xFFFF, pkt, 0, pkt.length, seq);
        }
        assertEquals(-1, c.find(65_534));
        assertEquals(-1, c.find(65_535));
        int slot = c.find(3);
        assertTrue(slot >= 0);
        assertEquals(5, c.length(slot));
        assertArrayEquals(new byte[] {(byte) (65_534 + 5), 2, 3, 4, 5}, Arrays.copyOf(c.data(slot), 5));
        assertEquals(-1, c.find(7));
    }

    @Test
    void resendIsRateLimitedPerPacket() {
        RetransmissionCache c = new RetransmissionCache(8);
        c.store(10, new byte[12], 0, 12, 0);
        int slot = c.find(10);
        assertTrue(c.claimResend(slot, 1_000, 5_000));
        assertFalse(c.claimResend(slot, 3_000, 5_000));
        assertTrue(c.claimResend(slot, 6_000, 5_000));
    }

    @Test
    void refusesOversizedPacketsAndBadCapacity() {
        RetransmissionCache c = new RetransmissionCache(8);
        assertFalse(c.store(1, new byte[2000], 0, 2000, 0));
        assertEquals(-1, c.find(1));
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionCache(6));
    }
}
