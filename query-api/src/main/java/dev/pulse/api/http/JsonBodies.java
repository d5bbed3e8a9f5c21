package dev.pulse.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/** Small JSON request bodies (alert actions, follow-ups, preferences). */
public final class JsonBodies {
    private JsonBodies() {}

    /** The body as a JSON object; an empty object when there is no body; 400 otherwise. */
    public static JsonNode object(RoutingContext ctx) {
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            return PulseJson.mapper().createObjectNode();
        }
        try {
            JsonNode node = PulseJson.mapper().readTree(buffer.getBytes());
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.badRequest("the body is not valid JSON");
        }
    }
}
