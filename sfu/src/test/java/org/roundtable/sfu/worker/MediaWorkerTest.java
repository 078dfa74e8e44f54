package org.roundtable.sfu.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.roundtable.sfu.buffer.BufferPool;
import org.roundtable.sfu.buffer.PacketBuffer;
import org.roundtable.sfu.stats.DelayHistogram;

class MediaWorkerTest {
    @Test
    void driveByHandRunsTasksThenPacketsThenTimers() {
        AtomicLong now = new AtomicLong();
        MediaWorker w = new MediaWorker("test", now::get);
        List<String> log = new ArrayList<>();
        Inbox inbox = w.newInbox(4, p -> { log.add("packet " + p.getLength()); p.release(); });
        w.timers().schedule(new PeriodicTask() {
            @Override protected long run(long t) { log.add("timer " + t); return t + 10; }
        }, 10);
        BufferPool pool = new BufferPool(8);
        PacketBuffer p = pool.take();
        p.copyFrom(new byte[3], 0, 3);
        assertTrue(inbox.offer(p));
        w.execute(() -> log.add("task"));
        w.runOnce();
        now.set(10);
        w.runOnce();
        assertEquals(List.of("task", "packet 3", "timer 10"), log);
    }

    @Test
    void heldSendsLeaveAfterEachBurstAndTheirDelayIncludesTheWait() {
        AtomicLong now = new AtomicLong(1_000_000L);
        List<String> log = new ArrayList<>();
        int[] refuse = {0};
        HeldSends held = new HeldSends() {
            @Override public void holdOnThisThread() { log.add("hold"); }
            @Override public int flush() {
                log.add("flush at " + now.get());
                int refused = refuse[0];
                refuse[0] = 0;
                return refused;
            }
        };
        MediaWorker w = new MediaWorker("test", now::get, held);
        Inbox inbox = w.newInbox(4, p -> {
            // forwarding takes 2 ms of the clock; the copy leaves only at the flush
            w.forwarded(p.receivedNanos());
            now.addAndGet(2_000_000L);
            p.release();
        });
        BufferPool pool = new BufferPool(8);
        for (int i = 0; i < 2; i++) {
            PacketBuffer p = pool.take();
            p.receivedNanos(1_000_000L);
            assertTrue(inbox.offer(p));
        }
        refuse[0] = 1;
        w.runOnce();
        assertEquals("flush at 5000000", log.get(0), "one flush after the inbox's turn, before anything else");
        long[] counts = counts(w);
        assertEquals(2, java.util.Arrays.stream(counts).sum());
        // both copies left at the flush (5 ms), 4 ms after their receive: bucket (2 ms, 5 ms], not the
        // 0 ms and 2 ms at which they were handed over
        assertEquals(2, counts[6], java.util.Arrays.toString(counts));
        assertEquals(1, w.counters().dropped(DropReason.SEND_FAILED), "a datagram the kernel refused is a drop");
    }

    @Test
    void aFullBatchOfForwardedCopiesLeavesWithAllItsDelaysRecorded() {
        AtomicLong now = new AtomicLong(1_000_000L);
        int[] flushes = {0};
        HeldSends held = new HeldSends() {
            @Override public void holdOnThisThread() { }
            @Override public int flush() {
                flushes[0]++;
                return 0;
            }
        };
        MediaWorker w = new MediaWorker("test", now::get, held);
        for (int i = 0; i < HELD_STAMPS_FOR_TEST; i++) {
            w.forwarded(1_000_000L);
        }
        assertEquals(1, flushes[0], "the copy that fills the batch sends it");
        assertEquals(HELD_STAMPS_FOR_TEST, java.util.Arrays.stream(counts(w)).sum(),
                "every copy that left is recorded, the last one included");
        now.addAndGet(5_000_000L);
        w.flushSends();
        assertEquals(HELD_STAMPS_FOR_TEST, java.util.Arrays.stream(counts(w)).sum(), "none is recorded late");
    }

    /** As many copies as one batch of held sends holds. */
    private static final int HELD_STAMPS_FOR_TEST = org.roundtable.sfu.udp.DatagramBatch.CAPACITY;

    private static long[] counts(MediaWorker w) {
        long[] counts = new long[DelayHistogram.buckets()];
        w.counters().forwardingDelay().addTo(counts);
        return counts;
    }

    @Test
    void fullInboxDropsAndCounts() {
        MediaWorker w = new MediaWorker("test", () -> 0);
        Inbox inbox = w.newInbox(2, PacketBuffer::release);
        BufferPool pool = new BufferPool(8);
        assertTrue(inbox.offer(pool.take()));
        assertTrue(inbox.offer(pool.take()));
        assertFalse(inbox.offer(pool.take()));
        assertEquals(1, w.counters().dropped(DropReason.QUEUE_FULL));
        assertEquals(2, w.runOnce());
    }

    @Test
    void threadedWorkerCompletesSubmittedWorkAndStops() throws Exception {
        MediaWorker w = new MediaWorker("media-test", System::nanoTime).start();
        assertEquals("media-test", w.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS));
        w.close();
        assertTrue(w.submit(() -> 1).isCompletedExceptionally());
    }

    @Test
    void packetsThatWaitedTooLongAreDroppedAsStaleNotForwarded() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        MediaWorker w = new MediaWorker("test", now::get);
        List<Long> handled = new ArrayList<>();
        Inbox inbox = w.newInbox(8, p -> { handled.add(p.receivedNanos()); p.release(); });
        BufferPool pool = new BufferPool(8);
        long late = now.get();
        PacketBuffer old = pool.take();
        old.receivedNanos(late);
        inbox.offer(old);
        now.addAndGet(Inbox.MAX_WAIT_NANOS / 2);
        PacketBuffer recent = pool.take();
        recent.receivedNanos(now.get());
        inbox.offer(recent);
        now.set(late + Inbox.MAX_WAIT_NANOS + 1);
        w.runOnce();
        assertEquals(List.of(late + Inbox.MAX_WAIT_NANOS / 2), handled);
        assertEquals(1, w.counters().dropped(DropReason.STALE));
    }

    @Test
    void aWorkerReadingASocketWakesForDatagramsTasksAndTimers() throws Exception {
        try (DatagramChannel socket = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open()) {
            socket.configureBlocking(false);
            BlockingQueue<String> read = new LinkedBlockingQueue<>();
            ByteBuffer datagram = ByteBuffer.allocate(64);
            ReceiveSource source = new ReceiveSource() {
                @Override public SelectableChannel channel() { return socket; }
                @Override public int receive(int budget) {
                    int n = 0;
                    try {
                        while (n < budget && socket.receive(datagram.clear()) != null) {
                            n++;
                            read.add(Thread.currentThread().getName() + " " + datagram.flip().get(0));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return n;
                }
            };
            // an hour's idle bound: only the socket, a task's wake-up or the timer's due time may end a wait
            MediaWorker w = new MediaWorker("reading-test", System::nanoTime, HeldSends.NONE, TimeUnit.HOURS.toNanos(1))
                    .readsFrom(source).start();
            try {
                // idle: the worker waits on the socket, and each of these must wake it
                Thread.sleep(50);
                sender.send(ByteBuffer.wrap(new byte[] {7}), socket.getLocalAddress());
                assertEquals("reading-test 7", read.poll(5, TimeUnit.SECONDS));
                Thread.sleep(50);
                assertEquals("reading-test", w.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS));
                BlockingQueue<Long> fired = new LinkedBlockingQueue<>();
                long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
                w.execute(() -> w.timers().schedule(new PeriodicTask() {
                    @Override protected long run(long now) {
                        fired.add(now);
                        return -1;
                    }
                }, due));
                assertTrue(fired.poll(5, TimeUnit.SECONDS) != null, "a timer fires while the worker waits on its socket");
                sender.send(ByteBuffer.wrap(new byte[] {8}), socket.getLocalAddress());
                assertEquals("reading-test 8", read.poll(5, TimeUnit.SECONDS));
            } finally {
                w.close();
            }
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("reading-test") && t.isAlive()),
                    "the worker's thread ends although it waits on its socket");
        }
    }
}
