package org.roundtable.signaling.moderation;

import io.vertx.core.Context;
import io.vertx.core.Future;

import java.util.concurrent.Callable;

/**
 * Runs blocking tasks (journal fsyncs) one after another on worker threads, in submission order,
 * and completes each task's future on the owning event loop. Whatever a task touches is therefore
 * confined to this lane: no two of its tasks overlap, and each sees the previous one's writes (the
 * hand-over goes through the event loop). Submit from the owning event loop only.
 */
final class SerialLane {

    private final Context context;
    private Future<Void> tail = Future.succeededFuture();

    SerialLane(Context context) {
        this.context = context;
    }

    <T> Future<T> run(Callable<T> task) {
        Future<T> result = tail.transform(previous -> context.executeBlocking(task, false));
        tail = result.transform(done -> Future.succeededFuture());
        return result;
    }
}
