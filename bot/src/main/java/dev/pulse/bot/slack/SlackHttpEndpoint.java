package dev.pulse.bot.slack;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: slash commands, interactivity and the Events API (including the
 * {@code url_verification} challenge) in one route. The raw body and headers go to Bolt unchanged,
 * because Bolt verifies Slack's signature over the exact bytes (bad signature or a timestamp more
 * than 5 minutes off: 401). Bolt runs on a worker thread; its handlers only acknowledge, so the
 * answer is back well within Slack's 3 seconds.
 */
public final class SlackHttpEndpoint implements Handler<RoutingContext> {
    public static final String PATH = "/slack/events";

    /** Slack's payloads are a few kilobytes; a message with blocks stays well under this. */
    public static final long BODY_LIMIT = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier verifier;

    public SlackHttpEndpoint(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier =
                new SlackSignature.Verifier(
                        new SlackSignature.Generator(app.config().getSigningSecret()));
    }

    /** The body handler to put before this one, with the size limit. */
    public static BodyHandler bodyHandler() {
        return BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String body =
                ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        // Verified before Bolt parses anything: a forged or stale request is 401 whatever its
        // body, and never reaches a parser (Bolt parses the payload before its own check).
        if (!verifier.isValid(
                ctx.request().getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                body,
                ctx.request().getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
            reject(ctx, 401, "invalid or stale Slack request signature");
            return;
        }
        SlackRequestParser.HttpRequest http =
                SlackRequestParser.HttpRequest.builder()
                        .requestUri(ctx.request().path())
                        .queryString(multi(ctx.queryParams(), false))
                        .headers(new RequestHeaders(multi(ctx.request().headers(), true)))
                        .requestBody(body)
                        .remoteAddress(
                                ctx.request().remoteAddress() == null
                                        ? null
                                        : ctx.request().remoteAddress().hostAddress())
                        .build();
        Vertx vertx = ctx.vertx();
        vertx.executeBlocking(
                        () -> {
                            Request<?> request;
                            try {
                                request = parser.parse(http);
                            } catch (RuntimeException e) {
                                // Signed, but not a body Slack sends (Bolt cannot read it).
                                LOG.warn("Unreadable Slack request: {}", e.toString());
                                request = null;
                            }
                            if (request == null) {
                                return Response.builder()
                                        .statusCode(400)
                                        .contentType("application/json")
                                        .body(error("not a Slack request Pulse can read"))
                                        .build();
                            }
                            return app.run(request);
                        },
                        false)
                .onSuccess(response -> write(ctx, response))
                .onFailure(
                        e -> {
                            LOG.warn("Slack request failed", e);
                            reject(ctx, 500, "the request failed; it is logged");
                        });
    }

    private static void reject(RoutingContext ctx, int status, String error) {
        if (!ctx.response().ended()) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(error(error));
        }
    }

    private static String error(String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        return body.toString();
    }

    private static void write(RoutingContext ctx, Response response) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(response.getStatusCode() == null ? 200 : response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach(
                            (name, values) -> {
                                if (!name.equalsIgnoreCase("content-type")) {
                                    ctx.response().headers().set(name, values);
                                }
                            });
        }
        if (response.getContentType() != null) {
            ctx.response().putHeader("Content-Type", response.getContentType());
        }
        ctx.response().end(response.getBody() == null ? "" : response.getBody());
    }

    private static Map<String, List<String>> multi(MultiMap map, boolean lowerCaseNames) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map.Entry<String, String> e : map.entries()) {
            String name = lowerCaseNames ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey();
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(e.getValue());
        }
        return out;
    }
}
