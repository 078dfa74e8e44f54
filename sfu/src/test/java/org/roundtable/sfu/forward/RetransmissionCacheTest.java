package org.roundtable.sfu.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RetransmissionCacheTest {
    private static final long SSRC = 0x11223344L;

    @Test
    void findsStoredPacketsAndForgetsOverwrittenOnes() {
        RetransmissionCache c = new RetransmissionCache(4);
        byte[] pkt = {1, 2, 3, 4, 5};
        for (int seq = 65_534; seq < 65_534 + 6; seq++) {
            pkt[0] = (byte) seq;
            c.store(SSRC, seq & 0xFFFF, pkt, 0, pkt.length);
        }
        assertEquals(-1, c.find(SSRC, 65_534));
        assertEquals(-1, c.find(SSRC, 65_535));
        int slot = c.find(SSRC, 3);
        assertTrue(slot >= 0);
        assertEquals(5, c.length(slot));
        assertArrayEquals(new byte[] {(byte) (65_534 + 5), 2, 3, 4, 5}, Arrays.copyOf(c.data(slot), 5));
        assertEquals(-1, c.find(SSRC, 7));
    }

    @Test
    void aPacketOfAnotherSsrcWithTheSameSequenceNumberIsNotFound() {
        RetransmissionCache c = new RetransmissionCache(8);
        c.store(SSRC, 10, new byte[12], 0, 12);
        assertTrue(c.find(SSRC, 10) >= 0);
        assertEquals(-1, c.find(SSRC + 1, 10), "a restarted publisher's new stream is not the old one");
    }

    @Test
    void refusesOversizedPacketsAndBadCapacity() {
        RetransmissionCache c = new RetransmissionCache(8);
        assertFalse(c.store(SSRC, 1, new byte[2000], 0, 2000));
        assertEquals(-1, c.find(SSRC, 1));
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionCache(6));
    }
}
