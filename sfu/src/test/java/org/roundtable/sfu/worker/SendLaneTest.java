package org.roundtable.sfu.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;

class SendLaneTest {
    private final BufferPool pool = new BufferPool(64);
    private final WorkerCounters callerCounters = new WorkerCounters();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    private PacketBuffer packet(int marker, int length) {
        byte[] data = new byte[length];
        data[0] = (byte) marker;
        return pool.take().copyFrom(data, 0, length);
    }

    /** A worker whose thread is some other thread: calls from the test thread are "from another worker". */
    private MediaWorker workerOfAnotherThread() {
        MediaWorker w = new MediaWorker("lane-owner", now::get);
        w.confineTo(new Thread(() -> { }));
        return w;
    }

    /** Records the first byte of every packet it is asked to send; refuses 0x7F, throws on 0x7E. */
    private static final class RecordingRoute implements SendRoute {
        final List<Integer> sent = new ArrayList<>();

        @Override
        public boolean protectAndSend(PacketBuffer packet) {
            int marker = packet.getBuffer()[packet.getOffset()];
            if (marker == 0x7F) {
                return false;
            }
            if (marker == 0x7E) {
                throw new IllegalStateException("SRTP context freed by a concurrent close");
            }
            sent.add(marker);
            return true;
        }
    }

    @Test
    void onItsOwnWorkerALaneSendsAtOnce() {
        MediaWorker w = new MediaWorker("own", now::get);
        RecordingRoute route = new RecordingRoute();
        assertTrue(w.sendLane().offer(packet(1, 100), route, false, callerCounters));
        assertTrue(w.sendLane().offer(packet(2, 40), route, true, callerCounters));
        assertEquals(List.of(1, 2), route.sent);
        assertEquals(0, w.sendLane().queued());
        assertEquals(1, w.counters().packetsOut());
        assertEquals(100, w.counters().bytesOut());
        assertEquals(1, w.counters().rtcpOut());
    }

    @Test
    void fromAnotherThreadPacketsQueueAndLeaveInOrderOnTheWorkersNextRound() {
        MediaWorker w = workerOfAnotherThread();
        RecordingRoute a = new RecordingRoute();
        RecordingRoute b = new RecordingRoute();
        SendLane lane = w.sendLane();
        assertTrue(lane.offer(packet(1, 100), a, false, callerCounters));
        assertTrue(lane.offer(packet(2, 200), b, false, callerCounters));
        assertTrue(lane.offer(packet(3, 50), a, true, callerCounters));
        assertTrue(lane.offer(packet(4, 100), a, false, callerCounters));
        assertTrue(a.sent.isEmpty(), "nothing is sent on the caller's thread");
        assertEquals(4, lane.queued());
        assertEquals(4, w.runOnce());
        assertEquals(List.of(1, 3, 4), a.sent);
        assertEquals(List.of(2), b.sent);
        assertEquals(3, w.counters().packetsOut());
        assertEquals(400, w.counters().bytesOut());
        assertEquals(1, w.counters().rtcpOut());
    }

    @Test
    void aFullLaneDropsCountsOnTheCallerAndReleasesTheBuffer() {
        MediaWorker w = workerOfAnotherThread();
        RecordingRoute route = new RecordingRoute();
        SendLane lane = w.sendLane();
        for (int i = 0; i < SendLane.CAPACITY; i++) {
            assertTrue(lane.offer(pool.take().copyFrom(new byte[] {1}, 0, 1), route, false, callerCounters));
        }
        PacketBuffer overflow = packet(3, 10);
        assertFalse(lane.offer(overflow, route, false, callerCounters));
        assertEquals(1, callerCounters.dropped(DropReason.SEND_QUEUE_FULL));
        assertNull(overflow.sendRoute(), "released buffers forget their route");
        assertEquals(SendLane.CAPACITY, w.runOnce());
        assertEquals(SendLane.CAPACITY, route.sent.size());
    }

    @Test
    void packetsThatWaitedTooLongAreDroppedAsStale() {
        MediaWorker w = workerOfAnotherThread();
        RecordingRoute route = new RecordingRoute();
        w.sendLane().offer(packet(1, 10), route, false, callerCounters);
        now.addAndGet(SendLane.MAX_WAIT_NANOS / 2);
        w.sendLane().offer(packet(2, 10), route, false, callerCounters);
        now.addAndGet(SendLane.MAX_WAIT_NANOS / 2 + 1);
        w.runOnce();
        assertEquals(List.of(2), route.sent);
        assertEquals(1, w.counters().dropped(DropReason.STALE));
    }

    @Test
    void aFailingOrThrowingRouteCostsOnlyItsOwnPacket() {
        MediaWorker w = workerOfAnotherThread();
        RecordingRoute route = new RecordingRoute();
        w.sendLane().offer(packet(0x7F, 10), route, false, callerCounters);
        w.sendLane().offer(packet(0x7E, 10), route, false, callerCounters);
        w.sendLane().offer(packet(5, 10), route, false, callerCounters);
        assertEquals(3, w.runOnce());
        assertEquals(List.of(5), route.sent);
        assertEquals(2, w.counters().dropped(DropReason.SEND_FAILED));
        assertEquals(1, w.counters().packetsOut());
    }

    @Test
    void aRunningWorkerSendsWhatTwoOtherThreadsQueueEachInOrderThenStops() throws Exception {
        MediaWorker w = new MediaWorker("sfu-media-test", System::nanoTime).start();
        int perThread = 2000;
        CountDownLatch all = new CountDownLatch(2 * perThread);
        ConcurrentHashMap<String, Integer> lastSeen = new ConcurrentHashMap<>();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String producer = "p" + t;
            WorkerCounters counters = new WorkerCounters();
            SendRoute route = packet -> {
                byte[] b = packet.getBuffer();
                int seq = ((b[packet.getOffset()] & 0xFF) << 8) | (b[packet.getOffset() + 1] & 0xFF);
                Integer before = lastSeen.put(producer, seq);
                if (before != null && seq != before + 1) {
                    throw new AssertionError(producer + " out of order: " + before + " then " + seq);
                }
                all.countDown();
                return true;
            };
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    byte[] data = {(byte) (i >> 8), (byte) i, 0};
                    while (!w.sendLane().offer(pool.take().copyFrom(data, 0, 3), route, false, counters)) {
                        Thread.onSpinWait();
                    }
                }
            });
            producers.add(thread);
            thread.start();
        }
        for (Thread t : producers) {
            t.join();
        }
        assertTrue(all.await(10, TimeUnit.SECONDS), "every queued packet is sent");
        assertEquals(perThread - 1, lastSeen.get("p0"));
        assertEquals(perThread - 1, lastSeen.get("p1"));
        w.close();
        assertFalse(w.sendLane().offer(pool.take(), p -> true, false, callerCounters));
        assertEquals(1, callerCounters.dropped(DropReason.CLOSED));
    }

    @Test
    void endpointsAreBoundToTheWorkersLanesInTurnAndInlineMeansNone() {
        MediaWorker a = new MediaWorker("a", now::get);
        MediaWorker b = new MediaWorker("b", now::get);
        SendLanes lanes = SendLanes.of(List.of(a, b));
        assertSame(a.sendLane(), lanes.assign());
        assertSame(b.sendLane(), lanes.assign());
        assertSame(a.sendLane(), lanes.assign());
        assertNull(SendLanes.inline().assign());
    }
}
