package dev.pulse.api.reports;

import dev.pulse.api.http.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs report work (reads and rendering, CPU-heavy for seconds at worst) on a pool of its own, at
 * most {@code concurrent} at once with at most {@code queued} more waiting; beyond that a request
 * is refused at once with 503 and {@code Retry-After} rather than queued without bound. The event
 * loops and the API's read pool never render.
 */
public final class RenderQueue {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final WorkerExecutor pool;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();

    /**
     * @param pool a worker pool of {@code concurrent} threads used for nothing else
     */
    public RenderQueue(WorkerExecutor pool, int concurrent, int queued) {
        if (concurrent < 1 || queued < 0) {
            throw new IllegalArgumentException("need at least one render at a time");
        }
        this.pool = pool;
        this.capacity = concurrent + queued;
    }

    /** Runs {@code work} when a renderer is free; fails with 503 when the queue is full. */
    public <T> Future<T> submit(Callable<T> work) {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            return Future.failedFuture(
                    ProblemException.unavailable(
                            "too many reports are being rendered; try again shortly", RETRY_AFTER));
        }
        return pool.<T>executeBlocking(work, false).andThen(done -> admitted.decrementAndGet());
    }

    /** Renders running or waiting now. */
    public int inFlight() {
        return admitted.get();
    }
}
