package dev.pulse.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Answers 503 with {@code Retry-After} on read routes until the instance's state is ready. */
public final class ReadinessGate implements Handler<RoutingContext> {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final BooleanSupplier ready;

    public ReadinessGate(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ready.getAsBoolean()) {
            ctx.next();
        } else {
            ctx.fail(
                    ProblemException.unavailable(
                            "Pulse is not ready to serve reads yet: its state is starting,"
                                    + " restoring or rebalancing",
                            RETRY_AFTER));
        }
    }
}
