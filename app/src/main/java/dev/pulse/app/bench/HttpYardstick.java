package dev.pulse.app.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The machine's HTTP ceiling, measured in the same run as Pulse's queries: a bare Vert.x HTTP
 * server (its own Vert.x, configured as the API's server) that answers every request at once with
 * the same bytes, loaded by the bench's own client with as many closed-loop clients as the query
 * phases. It does none of a query's work (no authentication, audit entry, store read or JSON), so
 * Pulse's query rates read as a share of it, and a target as the share of it that the target asks
 * for, whatever the machine.
 */
final class HttpYardstick {
    private static final String HOST = "127.0.0.1";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final byte[] answer;

    /** {@code answer}: the body every request gets (the bench passes a real point answer's). */
    HttpYardstick(byte[] answer) {
        this.answer = answer.clone();
    }

    int answerBytes() {
        return answer.length;
    }

    QueryLoad.Result run(int concurrency, Duration warmup, Duration measured) {
        Vertx vertx = Vertx.vertx();
        try {
            Buffer body = Buffer.buffer(answer);
            HttpServer server =
                    vertx.createHttpServer(
                                    new HttpServerOptions()
                                            .setHost(HOST)
                                            .setPort(0)
                                            .setCompressionSupported(true)
                                            .setDecompressionSupported(true))
                            .requestHandler(
                                    request ->
                                            request.response()
                                                    .putHeader("Content-Type", "application/json")
                                                    .end(body));
            int port = await(server.listen().map(HttpServer::actualPort));
            try (BenchHttpClient http = new BenchHttpClient(HOST, port, concurrency)) {
                BenchRequest request = new BenchRequest("/yardstick", "Bearer -");
                return new QueryLoad(http, concurrency).run(() -> request, warmup, measured);
            }
        } finally {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the HTTP yardstick's server did not start or stop in time", e);
        }
    }
}
