package dev.pulse.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.api.ApiDependencies;
import dev.pulse.api.ApiServer;
import dev.pulse.api.ApiVertx;
import dev.pulse.topologies.json.PulseJson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real {@link ApiServer} on an ephemeral port, on a real Vert.x with metrics, over in-memory
 * state, and an HTTP client to call it.
 */
public final class RunningApi implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public final InMemoryTenantStateReader reader = new InMemoryTenantStateReader();
    public final InMemoryTenantStateReader localReader = new InMemoryTenantStateReader();
    public final RecordingEventPublisher publisher = new RecordingEventPublisher();
    public final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    public final AtomicBoolean ready = new AtomicBoolean(true);

    private final Vertx vertx;
    private final ApiServer server;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();

    private RunningApi(Clock clock) {
        this.vertx = ApiVertx.create(registry);
        ApiDependencies deps =
                new ApiDependencies(reader, localReader, publisher, registry, ready::get, clock);
        this.server = await(ApiServer.start(vertx, deps, "127.0.0.1", 0));
    }

    public static RunningApi start(Clock clock) {
        return new RunningApi(clock);
    }

    /** Back to an empty, ready, healthy state between tests. */
    public void reset() {
        reader.clear();
        localReader.clear();
        publisher.reset();
        ready.set(true);
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public HttpResponse<String> send(String method, String path) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return PulseJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        await(server.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("did not complete: " + e, e);
        }
    }
}
