package dev.pulse.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;

/** Writes JSON responses with Pulse's one JSON configuration. */
public final class JsonReply {
    private JsonReply() {}

    public static void send(RoutingContext ctx, int status, byte[] json) {
        send(ctx.response(), status, json);
    }

    public static void send(HttpServerResponse response, int status, byte[] json) {
        if (response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.JSON)
                .end(Buffer.buffer(json));
    }

    public static void send(RoutingContext ctx, int status, Object body) {
        send(ctx, status, bytes(body));
    }

    public static byte[] bytes(Object body) {
        try {
            return PulseJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }
}
