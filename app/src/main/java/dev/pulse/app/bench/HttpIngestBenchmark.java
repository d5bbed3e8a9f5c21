package dev.pulse.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest over the API as a customer's loader sends it: {@code POST /v1/events} with NDJSON bodies
 * of {@link #BATCH_SIZE} events, {@link #IN_FLIGHT} requests at a time, as the ingest role. Times
 * from the first request until the last answer (every event of a 200 is acknowledged by Kafka),
 * then waits until the pipeline has counted what was accepted, so the next phase starts on a quiet
 * pipeline and the rate through the topologies is known too.
 */
public final class HttpIngestBenchmark {
    /** The figure is for batches of this size. */
    public static final int BATCH_SIZE = 5_000;

    /** A loader with a few threads: enough to keep the API's workers and the producer busy. */
    public static final int IN_FLIGHT = 4;

    private static final long ANSWER_TIMEOUT_MINUTES = 10;
    private static final JsonFactory JSON = new JsonFactory();

    private final BenchHttpClient http;
    private final PipelineCounters counters;
    private final BenchProgress progress;

    public HttpIngestBenchmark(
            BenchHttpClient http, PipelineCounters counters, BenchProgress progress) {
        this.http = http;
        this.counters = counters;
        this.progress = progress;
    }

    /**
     * @param accepted events the API acknowledged, over the time from the first request to the last
     *     answer
     * @param pipeline those events through the topologies, from the first request until counted
     * @param refused events not acknowledged (rejected as invalid, or answered with an error)
     */
    public record Result(Throughput accepted, Throughput pipeline, long refused) {}

    public Result run(GeneratedEvents events, String bearer) {
        List<Buffer> bodies = ndjsonBatches(events);
        long target = counters.counted() + events.size();
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> lanes = new ArrayList<>(IN_FLIGHT);
        for (int lane = 0; lane < IN_FLIGHT; lane++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            sendNext(bodies, next, accepted, new BenchRequest("/v1/events", bearer), done);
            lanes.add(done);
        }
        awaitAll(lanes);
        long answered = System.nanoTime();
        long refused = events.size() - accepted.get();
        long counted =
                counters.awaitCounted(
                        target - refused,
                        "events sent over HTTP that the pipeline counted",
                        progress::step);
        return new Result(
                Throughput.between(accepted.get(), start, answered),
                Throughput.between(accepted.get(), start, counted),
                refused);
    }

    /** One lane: sends batch after batch until none is left, each after the previous answer. */
    private void sendNext(
            List<Buffer> bodies,
            AtomicInteger next,
            AtomicLong accepted,
            BenchRequest request,
            CompletableFuture<Void> done) {
        int index = next.getAndIncrement();
        if (index >= bodies.size()) {
            done.complete(null);
            return;
        }
        Future<HttpResponse<Buffer>> answer =
                http.post(request, BenchHttpClient.NDJSON, bodies.get(index));
        answer.onComplete(
                result -> {
                    if (result.succeeded() && result.result().statusCode() == 200) {
                        accepted.addAndGet(acceptedCount(result.result().body()));
                    } else {
                        progress.step("  a batch was not accepted: " + describe(result));
                    }
                    sendNext(bodies, next, accepted, request, done);
                });
    }

    /**
     * The answer's {@code accepted}, read without parsing the 5,000 per-record results after it:
     * the load generator shares the cores with Pulse and should take as little as it can.
     */
    static long acceptedCount(Buffer answer) {
        try (JsonParser parser = JSON.createParser(answer.getBytes())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("accepted")) {
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
            throw new IllegalStateException("the answer has no 'accepted' count");
        } catch (IOException e) {
            throw new UncheckedIOException("the answer is not JSON", e);
        }
    }

    private static String describe(AsyncResult<HttpResponse<Buffer>> result) {
        if (result.failed()) {
            return String.valueOf(result.cause());
        }
        String body = result.result().bodyAsString();
        return result.result().statusCode()
                + " "
                + (body == null ? "" : body.substring(0, Math.min(body.length(), 300)));
    }

    /** Built before the clock starts: the phase measures Pulse, not string building. */
    private static List<Buffer> ndjsonBatches(GeneratedEvents events) {
        List<Buffer> bodies = new ArrayList<>(events.size() / BATCH_SIZE + 1);
        for (int from = 0; from < events.size(); from += BATCH_SIZE) {
            int to = Math.min(events.size(), from + BATCH_SIZE);
            Buffer body = Buffer.buffer();
            for (int i = from; i < to; i++) {
                body.appendBytes(events.value(i)).appendByte((byte) '\n');
            }
            bodies.add(body);
        }
        return bodies;
    }

    private static void awaitAll(List<CompletableFuture<Void>> lanes) {
        try {
            CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
                    .get(ANSWER_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "the HTTP ingest did not finish in " + ANSWER_TIMEOUT_MINUTES + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the HTTP ingest", e);
        }
    }
}
