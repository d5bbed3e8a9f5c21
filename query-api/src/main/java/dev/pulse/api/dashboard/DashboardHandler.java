package dev.pulse.api.dashboard;

import dev.pulse.api.http.SecurityHeaders;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /} and every client route of the app: the page, revalidated on every load ({@code
 * no-cache} with an ETag); {@code GET /assets/<hashed name>}: an asset, cached for a year. Any
 * other request (another method, the API's, health's or metrics' paths) goes to the handler given
 * for what is not found. Every answer carries the {@link SecurityHeaders}; none carries CORS
 * headers.
 */
public final class DashboardHandler implements Handler<RoutingContext> {
    static final String PAGE_CACHE = "no-cache";
    static final String ASSET_CACHE = "public, max-age=31536000, immutable";

    private static final Map<String, String> TYPES =
            Map.of(
                    "js", "text/javascript; charset=utf-8",
                    "mjs", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "svg", "image/svg+xml",
                    "png", "image/png",
                    "woff2", "font/woff2",
                    "json", "application/json",
                    "map", "application/json",
                    "txt", "text/plain; charset=utf-8");

    private final DashboardBundle bundle;
    private final Handler<RoutingContext> notFound;

    public DashboardHandler(DashboardBundle bundle, Handler<RoutingContext> notFound) {
        this.bundle = bundle;
        this.notFound = notFound;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            notFound.handle(ctx);
        } else if (DashboardPaths.isAssetPath(path)) {
            asset(ctx, DashboardPaths.assetName(path));
        } else if (DashboardPaths.isAppPath(path)) {
            page(ctx);
        } else {
            notFound.handle(ctx);
        }
    }

    private void page(RoutingContext ctx) {
        HttpServerResponse response = ctx.response().setStatusCode(200);
        SecurityHeaders.apply(response.headers());
        response.putHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE)
                .putHeader(HttpHeaders.ETAG, bundle.indexEtag());
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(bundle.indexEtag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8");
        send(ctx, bundle.index());
    }

    private void asset(RoutingContext ctx, String name) {
        HttpServerResponse response = ctx.response();
        SecurityHeaders.apply(response.headers());
        Optional<Buffer> asset = name == null ? Optional.empty() : bundle.asset(name);
        if (asset.isEmpty()) {
            response.setStatusCode(404)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("Not found\n");
            return;
        }
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CACHE_CONTROL, ASSET_CACHE)
                .putHeader(HttpHeaders.CONTENT_TYPE, typeOf(name));
        send(ctx, asset.get());
    }

    private static void send(RoutingContext ctx, Buffer body) {
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            ctx.response().end();
        } else {
            ctx.response().end(body);
        }
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
