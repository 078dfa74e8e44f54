package org.roundtable.sfu.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.roundtable.sfu.udp.DatagramBatch;

/**
 * One media thread. Owns conferences: all their state is touched only here. Other threads reach
 * it by queueing control tasks ({@link #submit}), packets ({@link Inbox#offer}) and packets to
 * send for the endpoints bound to its {@link SendLane}; it parks when idle until a queue fills or
 * its next timer is due. A worker may also read a socket itself ({@link #readsFrom}): then it
 * waits on that socket's readiness instead of parking. Runs on its own thread, or is driven step by
 * step with {@link #runOnce()} in tests (then with an injected clock).
 */
public final class MediaWorker implements AutoCloseable {
    static final Logger LOG = Logger.getLogger(MediaWorker.class.getName());
    private static final int PACKETS_PER_INBOX_TURN = 64;
    /** As many forwarded copies as one batch of held sends holds: the copy that fills it sends it. */
    private static final int HELD_STAMPS = DatagramBatch.CAPACITY;
    /** Datagrams read from the worker's own socket per round, between its queues' turns. */
    private static final int RECEIVES_PER_TURN = 64;
    /** A bound on every idle wait: a lost wake-up could delay work by this much, never forever. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

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
    private final long maxIdleNanos;
    /** Receive times of forwarded packets handed to {@link #held} and not yet flushed (worker thread only). */
    private final long[] heldReceivedNanos = new long[HELD_STAMPS];
    private int heldCount;
    /** The socket this worker reads and waits on when idle, or null: set before {@link #start}, cleared when it gives up. */
    private volatile SocketWait reading;
    private volatile Thread thread;
    private volatile boolean parked;
    private volatile boolean stopping;

    public MediaWorker(String name, LongSupplier nanoClock) {
        this(name, nanoClock, HeldSends.NONE);
    }

    /** A worker whose sends wait in {@code held} until the end of each burst of work. */
    public MediaWorker(String name, LongSupplier nanoClock, HeldSends held) {
        this(name, nanoClock, held, MAX_IDLE_NANOS);
    }

    /** @param maxIdleNanos the longest idle wait (tests make it long, so that only a real wake-up ends it) */
    MediaWorker(String name, LongSupplier nanoClock, HeldSends held, long maxIdleNanos) {
        this.name = name;
        this.clock = nanoClock;
        this.held = held;
        this.maxIdleNanos = maxIdleNanos;
    }

    /**
     * Makes this worker read {@code receiveSource} between its other work and wait on it when idle.
     * Before {@link #start}: the source is then used only on the worker's thread.
     */
    public MediaWorker readsFrom(ReceiveSource receiveSource) {
        if (thread != null) {
            throw new IllegalStateException("media worker " + name + " already runs");
        }
        try {
            reading = SocketWait.on(receiveSource);
        } catch (IOException e) {
            throw new UncheckedIOException("media worker " + name + " cannot wait on its socket", e);
        }
        return this;
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
            SocketWait r = reading;
            if (r != null) {
                r.wakeup();
                return;
            }
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * One round: datagrams from its own socket, control tasks, then received packets, then packets
     * to send, then due timers. Returns the work done.
     */
    public int runOnce() {
        int done = 0;
        SocketWait r = reading;
        if (r != null) {
            done += r.receive(RECEIVES_PER_TURN);
            if (!r.isOpen()) {
                stopReading(r); // it gave up (or the port closes): its socket must leave the port now
            }
        }
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
        heldReceivedNanos[heldCount++] = receivedNanos;
        if (heldCount == heldReceivedNanos.length) {
            // a batch's worth: send it now; flushing before storing this stamp sent its copy but
            // recorded its delay only at the next flush
            flushSends();
        }
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
                idle(Math.min(timers.nanosUntilNext(clock.getAsLong()), maxIdleNanos));
            }
            parked = false;
        }
        // drain what was queued before the stop (close tasks free resources)
        runOnce();
        timers.clear();
        lane.clear();
        closeReading();
    }

    /** Sleeps until woken, a datagram arrives on the worker's socket, or {@code nanos} have passed. */
    private void idle(long nanos) {
        SocketWait r = reading;
        if (r == null) {
            LockSupport.parkNanos(this, nanos);
            return;
        }
        try {
            r.idle(nanos);
        } catch (IOException | RuntimeException e) {
            // it would fail again at every wait: give the socket up (its owner's fallback takes over) and park
            LOG.log(Level.SEVERE, "media worker " + name + ": waiting on its socket failed, it stops reading it", e);
            r.giveUp();
            stopReading(r);
        }
    }

    /** Parks from now on instead of waiting on the socket. Worker thread. */
    private void stopReading(SocketWait r) {
        reading = null; // wake() unparks from now on; the worker runs, so no wake-up is lost meanwhile
        r.release();
    }

    private void closeReading() {
        SocketWait r = reading;
        if (r != null) {
            r.close();
        }
    }

    /** Stops the thread after the tasks queued so far have run; waits for it to end. */
    @Override
    public void close() {
        Thread t = thread;
        if (t == null) {
            stopping = true;
            runOnce();
            timers.clear();
            closeReading();
            return;
        }
        stopping = true;
        LockSupport.unpark(t);
        SocketWait r = reading;
        if (r != null) {
            r.wakeup();
        }
        if (t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
