package dev.pulse.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides each request's client address once, as the router's first handler, so the audit log, the
 * failed-authentication throttle and report exports all name the same client.
 */
public final class ClientAddress implements Handler<RoutingContext> {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String KEY = "pulse.client-address";

    private final TrustedProxies proxies;

    public ClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.put(KEY, proxies.client(peer(request), request.headers().getAll(FORWARDED_FOR)));
        ctx.next();
    }

    /** The request's client; the direct peer when this handler did not run. */
    public static String of(RoutingContext ctx) {
        String address = ctx.get(KEY);
        return address != null ? address : peer(ctx.request());
    }

    private static String peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.toString();
    }
}
