package dev.pulse.app.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benchmark's HTTP client, on a Vert.x instance of its own (one event loop per core, apart from
 * the API's) with a keep-alive connection pool as large as the number of concurrent clients, so
 * that no request waits for a connection.
 */
public final class BenchHttpClient implements AutoCloseable {
    /** Newline-delimited JSON, as {@code POST /v1/events} takes batches. */
    static final String NDJSON = "application/x-ndjson";

    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final WebClient client;
    private final String host;
    private final int port;

    public BenchHttpClient(String host, int port, int connections) {
        int loops = Runtime.getRuntime().availableProcessors();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        this.client =
                WebClient.create(
                        vertx,
                        new WebClientOptions()
                                .setDefaultHost(host)
                                .setDefaultPort(port)
                                .setKeepAlive(true)
                                .setDecompressionSupported(false)
                                .setUserAgent("pulse-bench"),
                        new PoolOptions()
                                .setHttp1MaxSize(connections)
                                .setEventLoopSize(loops)
                                .setMaxWaitQueueSize(-1));
        this.host = host;
        this.port = port;
    }

    /** Sends the request as a GET; fails if not answered within 30 s. */
    public Future<HttpResponse<Buffer>> get(BenchRequest request) {
        return client.get(port, host, request.uri())
                .putHeader("Authorization", request.authorization())
                .timeout(REQUEST_TIMEOUT_MS)
                .send();
    }

    /** Sends {@code json} as a POST; fails if not answered within 30 s. */
    public Future<HttpResponse<Buffer>> post(BenchRequest request, String json) {
        return post(request, "application/json", Buffer.buffer(json));
    }

    /** Sends {@code body} as a POST of {@code contentType}; fails if not answered within 30 s. */
    public Future<HttpResponse<Buffer>> post(
            BenchRequest request, String contentType, Buffer body) {
        return client.post(port, host, request.uri())
                .putHeader("Authorization", request.authorization())
                .putHeader("Content-Type", contentType)
                .timeout(REQUEST_TIMEOUT_MS)
                .sendBuffer(body);
    }

    @Override
    public void close() {
        client.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the bench HTTP client did not close in 10 s", e);
        }
    }
}
