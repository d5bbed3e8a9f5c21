package dev.pulse.api.http;

import dev.pulse.streams.read.ReadFreshness;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs store reads on a worker pool, never on the event loop, unordered so that slow reads do not
 * queue behind each other. Results come back on the calling event loop.
 */
public final class BlockingReads {
    private final WorkerExecutor workers;

    public BlockingReads(WorkerExecutor workers) {
        this.workers = workers;
    }

    public <T> Future<T> run(Callable<T> work) {
        return workers.executeBlocking(work, false);
    }

    /**
     * Reads and serialises on a worker, then answers 200 with the JSON, or with the body's list as
     * CSV when the route offers it and the request asks ({@link ListCsv}); any failure goes to the
     * failure handler (a {@link ProblemException}, unreadable state, or a bug). An answer, JSON or
     * CSV, read in part from a copy of the state while its owner was gone says so ({@link
     * ReadFreshness#STALE_HEADER}); any other carries an {@code ETag} of its bytes and is a {@code
     * 304} to a request that names it ({@link EntityTags}).
     */
    public void respondJson(RoutingContext ctx, Callable<?> read) {
        String csvRows = ListCsv.wanted(ctx);
        if (csvRows != null) {
            run(() -> ReadFreshness.capture(() -> Tagged.of(ListCsv.csv(read.call(), csvRows))))
                    .onSuccess(
                            csv -> {
                                if (!answeredUnchanged(ctx, csv)) {
                                    ListCsv.send(ctx, csv.value().body());
                                }
                            })
                    .onFailure(ctx::fail);
            return;
        }
        run(() ->
                        ReadFreshness.capture(
                                () -> Tagged.of(PulseJson.mapper().writeValueAsBytes(read.call()))))
                .onSuccess(
                        json -> {
                            if (!answeredUnchanged(ctx, json)) {
                                JsonReply.send(ctx, 200, json.value().body());
                            }
                        })
                .onFailure(ctx::fail);
    }

    /** An answer's bytes and their entity tag, both made on the worker. */
    private record Tagged(byte[] body, String tag) {
        static Tagged of(byte[] body) {
            return new Tagged(body, EntityTags.of(body));
        }
    }

    /** Marks a stale answer, or tags a fresh one: true when a 304 answered it already. */
    private static boolean answeredUnchanged(
            RoutingContext ctx, ReadFreshness.Captured<Tagged> answer) {
        if (answer.staleHeader() != null) {
            markStale(ctx, answer);
            return false;
        }
        return EntityTags.notModified(ctx, answer.value().tag());
    }

    /**
     * {@code work} on a worker, like {@link #run}; when any of its reads came from a copy of the
     * state, the answer says so ({@link ReadFreshness#STALE_HEADER}), whatever it turns out to be.
     * For writes that check and echo state, such as alert actions and follow-up changes.
     */
    public <T> Future<T> runMarkingStale(RoutingContext ctx, Callable<T> work) {
        return run(() -> ReadFreshness.capture(work))
                .map(
                        answer -> {
                            markStale(ctx, answer);
                            return answer.value();
                        });
    }

    private static void markStale(RoutingContext ctx, ReadFreshness.Captured<?> answer) {
        String stale = answer.staleHeader();
        if (stale != null) {
            ctx.response().putHeader(ReadFreshness.STALE_HEADER, stale);
        }
    }
}
