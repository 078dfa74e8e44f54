package org.roundtable.sfu.worker;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The media workers' send lanes. Each endpoint is bound to one lane when it is created, in turn,
 * so the endpoints of one conference spread over all workers (and cores). With no lanes
 * ({@link #inline()}) the conference's worker sends everything itself: deterministic tests and
 * benchmarks of the forwarding core use that. Thread-safe.
 */
public final class SendLanes {
    private final List<SendLane> lanes;
    private final AtomicInteger next = new AtomicInteger();

    private SendLanes(List<SendLane> lanes) {
        this.lanes = List.copyOf(lanes);
    }

    /** The lanes of {@code workers}. */
    public static SendLanes of(List<MediaWorker> workers) {
        return new SendLanes(workers.stream().map(MediaWorker::sendLane).toList());
    }

    public static SendLanes inline() {
        return new SendLanes(List.of());
    }

    /** The lane for a new endpoint, or null when its conference's worker sends inline. */
    public SendLane assign() {
        if (lanes.isEmpty()) {
            return null;
        }
        return lanes.get(Math.floorMod(next.getAndIncrement(), lanes.size()));
    }
}
