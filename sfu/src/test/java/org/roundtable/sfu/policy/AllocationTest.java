package org.roundtable.sfu.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.roundtable.sfu.api.MediaKind;
import org.roundtable.sfu.policy.Allocation.Verdict;

class AllocationTest {
    @Test
    void roleComesBeforeMute() {
        assertEquals(Verdict.NOT_PUBLISHER, Allocation.forPublished(MediaKind.AUDIO, false, true, true));
        assertEquals(Verdict.NOT_PUBLISHER, Allocation.forPublished(MediaKind.VIDEO, false, false, false));
    }

    @Test
    void audioAndVideoAreMutedIndependently() {
        assertEquals(Verdict.MUTED_BY_SERVER, Allocation.forPublished(MediaKind.AUDIO, true, false, true));
        assertEquals(Verdict.FORWARD, Allocation.forPublished(MediaKind.VIDEO, true, false, true));
        assertEquals(Verdict.MUTED_BY_SERVER, Allocation.forPublished(MediaKind.VIDEO, true, true, false));
        assertEquals(Verdict.FORWARD, Allocation.forPublished(MediaKind.AUDIO, true, true, false));
    }

    @Test
    void consumersGetMediaOnlyOnceConnectedAndNeverTheirOwn() {
        assertTrue(Allocation.consumerGets(true, false));
        assertFalse(Allocation.consumerGets(false, false));
        assertFalse(Allocation.consumerGets(true, true));
    }
}
