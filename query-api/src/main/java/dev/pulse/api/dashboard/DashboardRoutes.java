package dev.pulse.api.dashboard;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts the dashboard on a router as its answer to requests no route matched. The app thus never
 * shadows an API route, and a wrong method on an API route stays a 405: a catch-all route would
 * turn both into something else.
 */
public final class DashboardRoutes {
    private DashboardRoutes() {}

    /**
     * Serves {@code bundle} for {@code GET} and {@code HEAD} on every path the app owns, when no
     * route of {@code router} matched; every other unmatched request goes to {@code notFound}.
     * Replaces the router's 404 error handler.
     */
    public static void mount(
            Router router, DashboardBundle bundle, Handler<RoutingContext> notFound) {
        router.errorHandler(404, new DashboardHandler(bundle, notFound));
    }
}
