package dev.pulse.api.ingest;

import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The part both ingest resources share: wait for every Kafka write, then answer with one result per
 * record. If any valid record could not be written, the answer is 503 with {@code Retry-After} and
 * the same per-record results, so a client retries exactly the failed ones.
 */
final class IngestFlow {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private IngestFlow() {}

    /** Completes, on {@code context}, once every write has completed either way. */
    /** Reads the body, validates and publishes off the event loop, then answers. */
    static void handle(
            RoutingContext ctx,
            BlockingReads workers,
            IngestCounters counters,
            BiFunction<String, byte[], IngestBatch> validateAndPublish) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        Buffer body = ctx.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        Context context = ctx.vertx().getOrCreateContext();
        workers.run(() -> validateAndPublish.apply(contentType, bytes))
                .compose(pending -> settle(pending, context))
                .onSuccess(report -> reply(ctx, report, counters))
                .onFailure(ctx::fail);
    }

    static Future<IngestReport> settle(IngestBatch batch, Context context) {
        List<PendingRecord> pending = batch.records();
        CompletableFuture<?>[] writes =
                pending.stream()
                        .map(PendingRecord::write)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toArray(CompletableFuture<?>[]::new);
        CompletableFuture<Void> all =
                CompletableFuture.allOf(writes).handle((ignored, failure) -> null);
        return Future.fromCompletionStage(all, context)
                .map(
                        done ->
                                IngestReport.of(
                                        pending.stream().map(PendingRecord::result).toList(),
                                        batch.warnings()));
    }

    static void reply(RoutingContext ctx, IngestReport report, IngestCounters counters) {
        counters.record(report);
        if (report.failed() == 0) {
            JsonReply.send(ctx, 200, report);
            return;
        }
        ctx.fail(
                ProblemException.unavailable(
                                report.failed()
                                        + " of "
                                        + report.results().size()
                                        + " records are valid but could not be written to Kafka;"
                                        + " retry the records with status 'failed'",
                                RETRY_AFTER)
                        .with("accepted", report.accepted())
                        .with("rejected", report.rejected())
                        .with("failed", report.failed())
                        .with("results", report.results()));
    }

    /** Runs a publish call, turning a synchronous throw into a failed write. */
    static CompletableFuture<Void> guarded(Supplier<CompletableFuture<Void>> write) {
        try {
            CompletableFuture<Void> future = write.get();
            return future == null
                    ? CompletableFuture.failedFuture(
                            new IllegalStateException("the publisher returned no future"))
                    : future;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
