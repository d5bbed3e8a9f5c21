package dev.pulse.api.admin;

import dev.pulse.api.audit.AuditTrail;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import dev.pulse.streams.read.StateUnavailableException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /v1/admin/warehouse/directory-refresh}: an admin has the account directory read from
 * the warehouse now rather than at the next scheduled refresh (after an owner change, say). Answers
 * how many accounts were published or removed; 404 when no directory source is configured, 503
 * while the warehouse cannot be read or its table returned no rows.
 */
public final class WarehouseAdminHandler {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final WarehouseAdmin warehouse;

    public WarehouseAdminHandler(WarehouseAdmin warehouse) {
        this.warehouse = warehouse;
    }

    public void refreshDirectory(RoutingContext ctx) {
        Future.fromCompletionStage(warehouse.refreshDirectory(), ctx.vertx().getOrCreateContext())
                .onSuccess(
                        changed -> {
                            AuditTrail.of(ctx)
                                    .detail(
                                            "directory refresh: "
                                                    + changed
                                                    + " accounts published or removed");
                            JsonReply.send(ctx, 200, Map.of("changedAccounts", changed));
                        })
                .onFailure(e -> ctx.fail(problem(e)));
    }

    private static Throwable problem(Throwable e) {
        Throwable cause =
                e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof WarehouseAdmin.NotConfigured) {
            return ProblemException.notFound(
                    "this deployment reads no account directory from a warehouse"
                            + " (warehouse.directory.table)");
        }
        return new StateUnavailableException(
                "the warehouse cannot be read now: " + cause.getMessage(), RETRY_AFTER, cause);
    }
}
