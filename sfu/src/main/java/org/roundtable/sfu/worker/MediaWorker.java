package org.roundtable.sfu.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jctools.queues.MpscGrowableArrayQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.roundtable.sfu.stats.DelayHistogram;
import org.roundtable.sfu.thread.MediaThread;

/**
 * One media thread. Owns conferences: all their state is touched only here. Other threads reach
 * it by queueing control tasks ({@link #submit}), packets ({@link Inbox#offer}) and packets to
 * send for the endpoints bound to its {@link SendLane}; it parks when idle until a queue fills or
 * its next timer is due. Runs on its own thread, or is driven step by
 * step with {@link #runOnce()} in tests (then with an injected clock).
 */
public final class MediaWorker implements AutoCloseable {
    static final Logger LOG = Logger.getLogger(MediaWorker.class.getName());
    private static final int PACKETS_PER_INBOX_TURN = 64;
    private static final int HELD_STAMPS = 256;

    private final String name;
    private final LongSupplier clock;
    private final MpscUnboundedArrayQueue<Runnable> tasks = new MpscUnboundedArrayQueue<>(256);
    /**
     * Inboxes with packets waiting. Each inbox is queued at most once at a time, so the queue never
     * holds more than the worker's inboxes; a growable array keeps its largest size instead of
     * allocating chunks as it cycles (an unbounded chunked queue would allocate on the packet path).
     */
    private final MpscGrowableArrayQueue<Inbox> ready = new MpscGrowableArrayQueue<>(256, 1 << 22);
    private final TimerQueue timers = new TimerQueue();
    private final WorkerCounters counters = new WorkerCounters();
    private final SendLane lane = new SendLane(this, SendLane.CAPACITY);
    private final HeldSends held;
    /** Receive times of forwarded packets handed to {@link #held} and not yet flushed (worker thread only). */
    private final long[] heldReceivedNanos = new long[HELD_STAMPS];
    private int heldCount;
    private volatile Thread thread;
    private volatile boolean parked;
    private volatile boolean stopping;

    public MediaWorker(String name, LongSupplier nanoClock) {
        this(name, nanoClock, HeldSends.NONE);
    }

    /** A worker whose sends wait in {@code held} until the end of each burst of work. */
    public MediaWorker(String name, LongSupplier nanoClock, HeldSends held) {
        this.name = name;
        this.clock = nanoClock;
        this.held = held;
    }

    /** Starts the worker's own thread. */
    public MediaWorker start() {
        Thread t = new MediaThread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /**
     * Makes {@code owner} the worker's thread without starting a loop: tests then drive it with
     * {@link #runOnce()} while other threads' calls behave as they would against a running worker.
     */
    void confineTo(Thread owner) {
        thread = owner;
    }

    public String name() { return name; }
    public long nanos() { return clock.getAsLong(); }
    public LongSupplier clock() { return clock; }
    public WorkerCounters counters() { return counters; }
    /** The packets other workers hand this one to send. */
    public SendLane sendLane() { return lane; }
    boolean isStopping() { return stopping; }
    /** Worker thread only. */
    public TimerQueue timers() { return timers; }

    /** True when called on this worker's thread (or when it has none: driven by a test). */
    public boolean inWorker() {
        Thread t = thread;
        return t == null || t == Thread.currentThread();
    }

    /** A queue of packets for one transport, drained on this worker by {@code handler}. */
    public Inbox newInbox(int capacity, Inbox.Handler handler) {
        return new Inbox(this, capacity, handler);
    }

    /** Queues a control task; runs on the worker in submission order. Any thread. */
    public void execute(Runnable task) {
        if (stopping) {
            throw new IllegalStateException("media worker " + name + " is stopped");
        }
        tasks.offer(task);
        wake();
    }

    /** Runs {@code work} on the worker; the future completes with its result or exception. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            execute(() -> {
                try {
                    f.complete(work.get());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    void ready(Inbox inbox) {
        ready.offer(inbox);
        wake();
    }

    void wake() {
        if (parked) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** One round: control tasks, then received packets, then packets to send, then due timers. Returns the work done. */
    public int runOnce() {
        int done = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            done++;
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "media task failed on " + name, e);
            }
        }
        int inboxes = ready.size();
        Inbox inbox;
        for (int i = 0; i < inboxes && (inbox = ready.poll()) != null; i++) {
            done += inbox.drain(PACKETS_PER_INBOX_TURN);
            flushSends();
        }
        done += lane.drain();
        flushSends();
        done += timers.runDue(clock.getAsLong());
        flushSends();
        return done;
    }

    /**
     * A forwarded packet received at {@code receivedNanos} was handed to the socket layer: its time
     * in the server is recorded once it has left, at the next {@link #flushSends()}. Worker thread only.
     */
    void forwarded(long receivedNanos) {
        if (heldCount == heldReceivedNanos.length) {
            flushSends();
        }
        heldReceivedNanos[heldCount++] = receivedNanos;
    }

    /** Sends what this worker holds, then records the forwarding delay of what left. Worker thread only. */
    void flushSends() {
        int refused = held.flush();
        if (refused > 0) {
            counters.drop(DropReason.SEND_FAILED, refused);
        }
        if (heldCount > 0) {
            long now = clock.getAsLong();
            DelayHistogram delays = counters.forwardingDelay();
            for (int i = 0; i < heldCount; i++) {
                delays.record(now - heldReceivedNanos[i]);
            }
            heldCount = 0;
        }
    }

    private void loop() {
        held.holdOnThisThread();
        while (!stopping) {
            int done;
            try {
                done = runOnce();
            } catch (RuntimeException | Error e) {
                // runOnce isolates tasks, packets and timers; reaching here is a bug, never a reason to stop media
                LOG.log(Level.SEVERE, "media worker " + name + " round failed", e);
                done = 1;
            }
            if (done > 0) {
                continue;
            }
            parked = true;
            if (tasks.isEmpty() && ready.isEmpty() && lane.isEmpty() && !stopping) {
                long wait = timers.nanosUntilNext(clock.getAsLong());
                LockSupport.parkNanos(this, Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            parked = false;
        }
        // drain what was queued before the stop (close tasks free resources)
        runOnce();
        timers.clear();
        lane.clear();
    }

    /** Stops the thread after the tasks queued so far have run; waits for it to end. */
    @Override
    public void close() {
        Thread t = thread;
        if (t == null) {
            stopping = true;
            runOnce();
            timers.clear();
            return;
        }
        stopping = true;
        LockSupport.unpark(t);
        if (t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
