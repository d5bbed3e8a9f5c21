package dev.pulse.api.health;

import dev.pulse.api.admin.WarehouseAdmin;
import dev.pulse.api.http.JsonReply;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
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
    private final WarehouseAdmin warehouse;

    public HealthHandler(BooleanSupplier ready) {
        this(ready, WarehouseAdmin.NONE);
    }

    /**
     * With a warehouse, readiness also says whether it keeps up. A warehouse that is behind does
     * not make the instance unready: it still computes and serves from its stores.
     */
    public HealthHandler(BooleanSupplier ready, WarehouseAdmin warehouse) {
        this.ready = ready;
        this.warehouse = warehouse;
    }

    public void live(RoutingContext ctx) {
        JsonReply.send(ctx, 200, UP);
    }

    public void ready(RoutingContext ctx) {
        boolean up = ready.getAsBoolean();
        if (!up) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (warehouse.configured()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("warehouse", warehouse.status());
            JsonReply.send(ctx, up ? 200 : 503, body);
        } else {
            JsonReply.send(ctx, up ? 200 : 503, up ? UP : DOWN);
        }
    }
}
