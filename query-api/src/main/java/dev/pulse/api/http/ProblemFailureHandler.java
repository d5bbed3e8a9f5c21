package dev.pulse.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.topologies.json.PulseJson;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error as {@code application/problem+json} with {@code type}, {@code title}, {@code
 * status} and {@code detail}: problems handlers raised, denied access (403), unreadable state (503
 * with {@code Retry-After}), Vert.x's own 404, 405 and 413, and bugs (500, logged with a reference
 * the body repeats, no stack trace in the body).
 */
public final class ProblemFailureHandler implements io.vertx.core.Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemFailureHandler.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /** Routing-context key under which the answered problem is kept, for the audit log. */
    public static final String ANSWERED = "pulse.problem";

    @Override
    public void handle(RoutingContext ctx) {
        ProblemException problem =
                problemFor(
                        ctx.failure(),
                        ctx.statusCode(),
                        ctx.request().method().name(),
                        ctx.normalizedPath());
        if (problem.status() >= 500 && problem.retryAfter() == null) {
            String reference = UUID.randomUUID().toString();
            LOG.error(
                    "{} {} failed, reference {}",
                    ctx.request().method(),
                    ctx.normalizedPath(),
                    reference,
                    ctx.failure());
            problem = problem.with("reference", reference);
        }
        ctx.put(ANSWERED, problem);
        send(ctx.response(), problem);
    }

    /** Writes a problem response, unless the response is already under way. */
    public static void send(HttpServerResponse response, ProblemException problem) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // The status is out already; all that is left is to tell the client it is truncated.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.retryAfter() != null) {
            response.putHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(retryAfterSeconds(problem.retryAfter())));
        }
        problem.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(body(problem)));
    }

    /** Maps whatever failed a request to the problem the client sees. */
    static ProblemException problemFor(
            Throwable failure, int statusCode, String method, String path) {
        ProblemException raised = find(failure, ProblemException.class);
        if (raised != null) {
            return raised;
        }
        AccessDeniedException denied = find(failure, AccessDeniedException.class);
        if (denied != null) {
            return ProblemException.forbidden(denied.getMessage());
        }
        StateUnavailableException unavailable = find(failure, StateUnavailableException.class);
        if (unavailable != null) {
            Duration retry =
                    unavailable.retryAfter() == null
                            ? DEFAULT_RETRY_AFTER
                            : unavailable.retryAfter();
            return ProblemException.unavailable(
                    "tenant state cannot be read right now (" + unavailable.getMessage() + ")",
                    retry);
        }
        if (failure instanceof HttpException http) {
            return forStatus(http.getStatusCode(), http.getPayload(), method, path);
        }
        if (failure == null) {
            return forStatus(statusCode, null, method, path);
        }
        return ProblemException.internal(
                "an unexpected error occurred; it has been logged on the server");
    }

    private static ProblemException forStatus(
            int status, String payload, String method, String path) {
        return switch (status) {
            case 404 -> ProblemException.notFound("no resource at " + path);
            case 405 -> ProblemException.methodNotAllowed(method + " is not allowed on " + path);
            case 413 ->
                    ProblemException.tooLarge(
                            "the request body is larger than the limit of "
                                    + RequestLimits.BODY_LIMIT_BYTES / (1024 * 1024)
                                    + " MB");
            case 415 ->
                    ProblemException.unsupportedMediaType(
                            payload == null ? "unsupported Content-Type" : payload);
            case -1, 500 ->
                    ProblemException.internal(
                            "an unexpected error occurred; it has been logged on the server");
            default -> {
                String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
                yield ProblemException.status(
                        status, reason, payload == null || payload.isBlank() ? reason : payload);
            }
        };
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whole seconds, rounded up, at least 1: the value of a {@code Retry-After} header. */
    public static long retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static byte[] body(ProblemException problem) {
        ObjectNode body = PulseJson.mapper().createObjectNode();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        for (Map.Entry<String, Object> member : problem.extensions().entrySet()) {
            body.set(member.getKey(), PulseJson.mapper().valueToTree(member.getValue()));
        }
        try {
            return PulseJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
    }
}
