package dev.pulse.api.metrics;

import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.MediaTypes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format 0.0.4. The scrape walks every
 * meter, so it runs on a worker rather than on the event loop.
 */
public final class MetricsHandler implements Handler<RoutingContext> {
    private final PrometheusMeterRegistry registry;
    private final BlockingReads workers;

    public MetricsHandler(PrometheusMeterRegistry registry, BlockingReads workers) {
        this.registry = registry;
        this.workers = workers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        workers.run(() -> registry.scrape().getBytes(StandardCharsets.UTF_8))
                .onSuccess(
                        text ->
                                ctx.response()
                                        .putHeader(
                                                HttpHeaders.CONTENT_TYPE,
                                                MediaTypes.PROMETHEUS_TEXT)
                                        .end(Buffer.buffer(text)))
                .onFailure(ctx::fail);
    }
}
