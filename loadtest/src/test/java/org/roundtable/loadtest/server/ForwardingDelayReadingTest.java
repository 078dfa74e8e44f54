package org.roundtable.loadtest.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForwardingDelayReadingTest {
    private static String exposition(long upTo1ms, long upTo2ms, long upTo5ms, long all) {
        return """
                # HELP roundtable_media_forwarding_delay_seconds Time forwarded media packets spent in the server
                # TYPE roundtable_media_forwarding_delay_seconds histogram
                roundtable_media_forwarding_delay_seconds_bucket{le="0.001"} %d
                roundtable_media_forwarding_delay_seconds_bucket{le="0.002"} %d
                roundtable_media_forwarding_delay_seconds_bucket{le="0.005"} %d
                roundtable_media_forwarding_delay_seconds_bucket{le="+Inf"} %d
                roundtable_media_forwarding_delay_seconds_count %d
                roundtable_media_forwarding_delay_seconds_sum 0.25
                roundtable_media_packets_in_total 12.0
                """.formatted(upTo1ms, upTo2ms, upTo5ms, all, all);
    }

    @Test
    void readsTheCumulativeBucketsOfTheHistogram() {
        ForwardingDelayReading r = ForwardingDelayReading.parse(exposition(50, 90, 100, 100));
        assertEquals(4, r.upperBoundsSeconds().length);
        assertEquals(Double.POSITIVE_INFINITY, r.upperBoundsSeconds()[3]);
        assertEquals(100, r.total());
        assertEquals(1.0, r.quantileMillis(0.5), 1e-9);   // rank 50: top of the first bucket
        assertEquals(1.5, r.quantileMillis(0.7), 1e-9);   // rank 70: halfway through (1, 2] ms
        assertEquals(3.5, r.quantileMillis(0.95), 1e-9);  // rank 95: halfway through (2, 5] ms
    }

    @Test
    void theDifferenceOfTwoReadingsIsWhatWasForwardedBetweenThem() {
        ForwardingDelayReading before = ForwardingDelayReading.parse(exposition(1000, 1000, 1000, 1000));
        ForwardingDelayReading after = ForwardingDelayReading.parse(exposition(1000, 1080, 1100, 1100));
        ForwardingDelayReading run = after.since(before);
        assertEquals(100, run.total());
        assertEquals(1.5, run.quantileMillis(0.4), 1e-9);  // rank 40 of the 80 in (1, 2] ms
        assertEquals(3.5, run.quantileMillis(0.9), 1e-9);
    }

    @Test
    void aQuantileAboveEveryBoundIsTheLargestFiniteOneAndNothingIsNaN() {
        ForwardingDelayReading r = ForwardingDelayReading.parse(exposition(0, 0, 1, 10));
        assertEquals(5.0, r.quantileMillis(0.99), 1e-9);
        ForwardingDelayReading none = ForwardingDelayReading.parse(exposition(0, 0, 0, 0));
        assertTrue(Double.isNaN(none.quantileMillis(0.5)));
    }

    @Test
    void aServerWithoutTheHistogramGivesNoReading() {
        assertNull(ForwardingDelayReading.parse("process_cpu_seconds_total 3.5\n"));
    }
}
