package dev.pulse.api.health;

import dev.pulse.api.admin.WarehouseAdmin;
import dev.pulse.api.http.JsonReply;
import dev.pulse.streams.runtime.RestoreProgress;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /health/live} answers while the process serves HTTP; {@code /health/ready} only once its
 * state can be read, 503 with {@code Retry-After} before (naming the stores still restoring).
 */
public final class HealthHandler {
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final byte[] UP = JsonReply.bytes(Map.of("status", "UP"));
    private static final byte[] DOWN = JsonReply.bytes(Map.of("status", "DOWN"));

    private final BooleanSupplier ready;
    private final WarehouseAdmin warehouse;
    private final Supplier<List<RestoreProgress.Restoring>> restoring;

    /**
     * With a warehouse, readiness also says whether it keeps up. A warehouse that is behind does
     * not make the instance unready: it still computes and serves from its stores ({@link
     * WarehouseAdmin#NONE} without one). While not ready, the answer also lists the stores
     * restoring from changelogs with their progress, so whoever waits on a restarted instance sees
     * it move rather than a bare DOWN.
     */
    public HealthHandler(
            BooleanSupplier ready,
            WarehouseAdmin warehouse,
            Supplier<List<RestoreProgress.Restoring>> restoring) {
        this.ready = ready;
        this.warehouse = warehouse;
        this.restoring = restoring;
    }

    public void live(RoutingContext ctx) {
        live(ctx.response());
    }

    /** The liveness answer, also while the API is still starting: the process is alive. */
    public static void live(HttpServerResponse response) {
        JsonReply.send(response, 200, UP);
    }

    public void ready(RoutingContext ctx) {
        boolean up = ready.getAsBoolean();
        if (!up) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        List<Map<String, Object>> restores = up ? List.of() : restores();
        if (warehouse.configured() || !restores.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            if (!restores.isEmpty()) {
                body.put("restoring", restores);
            }
            if (warehouse.configured()) {
                body.put("warehouse", warehouse.status());
            }
            JsonReply.send(ctx, up ? 200 : 503, body);
        } else {
            JsonReply.send(ctx, up ? 200 : 503, up ? UP : DOWN);
        }
    }

    private List<Map<String, Object>> restores() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RestoreProgress.Restoring r : restoring.get()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("store", r.store());
            one.put("partition", r.partition());
            one.put("restored", r.restored());
            one.put("total", r.total());
            one.put("percent", Math.round(r.percent() * 10) / 10.0);
            out.add(one);
        }
        return out;
    }
}
