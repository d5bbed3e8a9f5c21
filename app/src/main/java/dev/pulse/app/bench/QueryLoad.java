package dev.pulse.app.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop HTTP load: {@code concurrency} clients, each sending its next request as soon as the
 * previous one is answered, first for an unrecorded warm-up, then for the measured duration. Only
 * requests both sent and answered inside the measured window count: answers with status 200 go into
 * the latency histogram, any other answer or a failure counts as an error.
 */
public final class QueryLoad {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final BenchHttpClient http;
    private final int concurrency;

    public QueryLoad(BenchHttpClient http, int concurrency) {
        this.http = http;
        this.concurrency = concurrency;
    }

    /** How many closed-loop clients send at once. */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Answers per second with status 200, their latencies, the errors, and this process's CPU time
     * over the measured window per request answered in it (the load generator's share included: it
     * runs in the same process).
     */
    public record Result(
            Throughput ok, LatencySummary latency, long errors, double cpuMicrosPerRequest) {}

    /** Runs the load; {@code nextRequest} gives each request and is called from several threads. */
    public Result run(Supplier<BenchRequest> nextRequest, Duration warmup, Duration measured) {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        Window window = new Window(measureFrom, measureFrom + measured.toNanos());
        CountDownLatch stopped = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            new Client(nextRequest, window, stopped).next();
        }
        CpuMeter.Snapshot first = CpuMeter.at(window.from);
        CpuMeter.Snapshot last = CpuMeter.at(window.until);
        awaitStopped(stopped, warmup.plus(measured).plusSeconds(45));
        long requests = Math.max(1, window.ok.sum() + window.errors.sum());
        return new Result(
                new Throughput(window.ok.sum(), measured),
                LatencySummary.of(window.micros.getIntervalHistogram()),
                window.errors.sum(),
                (last.processCpuNanos() - first.processCpuNanos()) / 1000.0 / requests);
    }

    private static void awaitStopped(CountDownLatch stopped, Duration timeout) {
        try {
            if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("query clients still busy after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the query load", e);
        }
    }

    /** The measured window and what was recorded in it; shared by all clients. */
    private static final class Window {
        final long from;
        final long until;
        final Recorder micros = new Recorder(MAX_MICROS, 3);
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();

        Window(long from, long until) {
            this.from = from;
            this.until = until;
        }

        void record(long sent, long answered, boolean success) {
            if (sent < from || answered > until) {
                return;
            }
            if (success) {
                ok.increment();
                micros.recordValue(
                        Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(answered - sent)));
            } else {
                errors.increment();
            }
        }
    }

    /** One closed-loop client: at most one request in flight. */
    private final class Client {
        private final Supplier<BenchRequest> nextRequest;
        private final Window window;
        private final CountDownLatch stopped;

        Client(Supplier<BenchRequest> nextRequest, Window window, CountDownLatch stopped) {
            this.nextRequest = nextRequest;
            this.window = window;
            this.stopped = stopped;
        }

        void next() {
            long sent = System.nanoTime();
            if (sent >= window.until) {
                stopped.countDown();
                return;
            }
            http.get(nextRequest.get()).onComplete(answer -> answered(sent, answer));
        }

        private void answered(long sent, AsyncResult<HttpResponse<Buffer>> answer) {
            long now = System.nanoTime();
            window.record(sent, now, answer.succeeded() && answer.result().statusCode() == 200);
            next();
        }
    }
}
