package dev.pulse.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.http.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderQueueTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private Vertx vertx;
    private WorkerExecutor pool;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        pool = vertx.createSharedWorkerExecutor("render-queue-test", 1);
    }

    @AfterEach
    void stop() {
        pool.close();
        vertx.close().await();
    }

    @Test
    void refusesWith503AndRetryAfterBeyondOneRunningAndOneQueuedThenAdmitsAgain() throws Exception {
        RenderQueue queue = new RenderQueue(pool, 1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first =
                queue.submit(
                        () -> {
                            running.countDown();
                            release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                            return "first";
                        });
        assertThat(running.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Future<String> queued = queue.submit(() -> "queued");

        Future<String> refused = queue.submit(() -> "refused");

        assertThat(refused.failed()).isTrue();
        ProblemException problem = (ProblemException) refused.cause();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.retryAfter()).isEqualTo(RenderQueue.RETRY_AFTER);
        assertThat(queue.inFlight()).isEqualTo(2);

        release.countDown();
        assertThat(first.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo("first");
        assertThat(queued.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo("queued");
        assertThat(
                        queue.submit(() -> "again")
                                .toCompletionStage()
                                .toCompletableFuture()
                                .get(10, TimeUnit.SECONDS))
                .isEqualTo("again");
    }
}
