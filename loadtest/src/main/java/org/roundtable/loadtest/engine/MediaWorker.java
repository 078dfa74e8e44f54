package org.roundtable.loadtest.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.roundtable.sfu.buffer.PacketBuffer;

/**
 * One of the few threads that run the media of every simulated participant: it ticks its
 * connections (drain received packets, send what is due, write feedback) and sleeps until the
 * earliest next deadline (at most 1 ms). Control reaches it as tasks; its state is confined to
 * its own thread.
 */
public final class MediaWorker implements AutoCloseable {
    private static final long MAX_SLEEP_NANOS = 1_000_000L;

    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<MediaWorkerClient> clients = new ArrayList<>();
    private final PacketBuffer scratch = new PacketBuffer();
    private volatile boolean running = true;
    private volatile long lateTicks; // written by the worker only

    public MediaWorker(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            for (Runnable t = tasks.poll(); t != null; t = tasks.poll()) {
                try {
                    t.run();
                } catch (RuntimeException e) {
                    System.err.println(thread.getName() + ": task failed: " + e);
                }
            }
            long now = System.nanoTime();
            long next = now + MAX_SLEEP_NANOS;
            for (int i = 0; i < clients.size(); i++) {
                long due = clients.get(i).tick(now, scratch);
                if (due < next) {
                    next = due;
                }
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            } else if (sleep < -5_000_000L) {
                lateTicks++;
            }
        }
        for (MediaWorkerClient c : clients) {
            c.close();
        }
        clients.clear();
    }

    public void add(MediaWorkerClient client) {
        execute(() -> clients.add(client));
    }

    public void remove(MediaWorkerClient client) {
        execute(() -> {
            if (clients.remove(client)) {
                client.close();
            }
        });
    }

    public void execute(Runnable task) {
        tasks.add(task);
        LockSupport.unpark(thread);
    }

    /** Runs {@code work} on this worker and completes with its result. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Loop passes that started more than 5 ms after their deadline: the generator is overloaded. */
    public long lateTicks() {
        return lateTicks;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
