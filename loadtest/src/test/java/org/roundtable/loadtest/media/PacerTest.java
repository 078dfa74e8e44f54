package org.roundtable.loadtest.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MS = 1_000_000L;

    /** Sends {@code packets} of {@code size} bytes as soon as the pacer lets them, from t=0; returns the send times. */
    private static List<Long> sendTimes(Pacer pacer, int packets, int size) {
        List<Long> times = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < packets; i++) {
            now = pacer.nextPassNanos(now);
            assertTrue(pacer.mayPass(now));
            pacer.charge(size);
            times.add(now);
        }
        return times;
    }

    @Test
    void aKeyframeLeavesIn40msOfBurstThenAtTwoAndAHalfTimesTheBitrate() {
        // 500 kbit/s: paced at 1.25 Mbit/s = 156.25 bytes/ms; 40 ms of that is 6,250 bytes
        Pacer pacer = new Pacer(500_000);
        List<Long> times = sendTimes(pacer, 13, 1_200);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, times.get(i), "packet " + i + " fits the burst (the 6th leaves the budget in debt)");
        }
        // afterwards one 1,200-byte packet per 7.68 ms
        for (int i = 7; i < 13; i++) {
            assertEquals(7.68, (times.get(i) - times.get(i - 1)) / (double) MS, 0.01, "gap before packet " + i);
        }
        assertTrue(times.get(12) > 45 * MS && times.get(12) < 60 * MS, "the frame took " + times.get(12) / MS + " ms");
    }

    @Test
    void aQuietStreamRegainsItsBurstButNoMore() {
        Pacer pacer = new Pacer(500_000);
        sendTimes(pacer, 6, 1_200);
        assertFalse(pacer.mayPass(0), "in debt right after the burst");
        long later = 10_000 * MS;
        assertTrue(pacer.mayPass(later));
        int passed = 0;
        while (pacer.mayPass(later)) {
            pacer.charge(1_200);
            passed++;
        }
        assertEquals(6, passed, "a long pause refills 40 ms of budget, not 10 s");
    }

    @Test
    void deltaFramesOfTwoPacketsAtThirtyFpsLeaveAtOnce() {
        Pacer pacer = new Pacer(500_000);
        long frame = 33_333_333L;
        for (int f = 0; f < 30; f++) {
            long t = f * frame;
            assertTrue(pacer.mayPass(t), "frame " + f);
            pacer.charge(1_050);
            assertTrue(pacer.mayPass(t), "second packet of frame " + f);
            pacer.charge(1_030);
        }
    }
}
