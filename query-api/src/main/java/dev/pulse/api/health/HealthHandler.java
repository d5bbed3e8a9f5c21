package dev.pulse.api.health;

import dev.pulse.api.http.JsonReply;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} answers while the process serves HTTP; {@code /health/ready} only once its
 * state can be read, 503 with {@code Retry-After} before.
 */
public final class HealthHandler {
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final byte[] UP = JsonReply.bytes(Map.of("status", "UP"));
    private static final byte[] DOWN = JsonReply.bytes(Map.of("status", "DOWN"));

    private final BooleanSupplier ready;

    public HealthHandler(BooleanSupplier ready) {
        this.ready = ready;
    }

    public void live(RoutingContext ctx) {
        JsonReply.send(ctx, 200, UP);
    }

    public void ready(RoutingContext ctx) {
        if (ready.getAsBoolean()) {
            JsonReply.send(ctx, 200, UP);
        } else {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            JsonReply.send(ctx, 503, DOWN);
        }
    }
}
