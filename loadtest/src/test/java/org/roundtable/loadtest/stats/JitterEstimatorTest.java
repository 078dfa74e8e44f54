package org.roundtable.loadtest.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JitterEstimatorTest {

    @Test
    void perfectlyPacedArrivalsHaveNoJitter() {
        JitterEstimator j = new JitterEstimator(48_000);
        for (int i = 0; i < 100; i++) {
            j.onPacket(1_000_000_000L + i * 20_000_000L, 5000 + i * 960L);
        }
        assertEquals(0, j.jitterUnits());
    }

    @Test
    void followsTheRfc3550RecursionOnAKnownSequence() {
        // 8 kHz clock: 1 unit = 125 µs. Arrivals alternate early/late by 10 units around a 160-unit grid.
        JitterEstimator j = new JitterEstimator(8_000);
        long[] offsetsUnits = {0, 10, 0, 10, 0};
        double expected = 0;
        Double lastTransit = null;
        for (int i = 0; i < offsetsUnits.length; i++) {
            long ts = i * 160L;
            long arrivalUnits = ts + offsetsUnits[i];
            j.onPacket(arrivalUnits * 125_000L, ts);
            double transit = arrivalUnits - ts;
            if (lastTransit != null) {
                expected += (Math.abs(transit - lastTransit) - expected) / 16.0;
            }
            lastTransit = transit;
        }
        // |D| = 10 four times: J = 10 * (1 - (15/16)^4)
        assertEquals(10 * (1 - Math.pow(15.0 / 16, 4)), expected, 1e-9);
        assertEquals(Math.round(expected), j.jitterUnits());
        assertEquals(expected * 1000.0 / 8000, j.jitterMillis(), 1e-9);
    }

    @Test
    void timestampWrapIsNotAJump() {
        JitterEstimator j = new JitterEstimator(90_000);
        long ts = 0xFFFFFFFFL - 1500;
        long t = 0;
        for (int i = 0; i < 10; i++) {
            j.onPacket(t, ts & 0xFFFFFFFFL);
            ts += 3000;
            t += 3000L * 1_000_000_000L / 90_000;
        }
        assertEquals(0, j.jitterUnits());
    }
}
