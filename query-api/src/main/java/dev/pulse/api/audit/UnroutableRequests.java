package dev.pulse.api.audit;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.api.http.ClientAddress;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.ProblemFailureHandler;
import dev.pulse.api.http.SecurityHeaders;
import dev.pulse.api.http.TrustedProxies;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers and audits the requests no route can take, which would otherwise get the HTTP layer's
 * bare answers: what the HTTP decoder refused (an over-long request line 414, over-large headers
 * 431, anything else it could still answer 400), and paths whose percent-encoding does not decode,
 * on which route matching itself fails (400). Each gets a problem+json body and one audit entry
 * that names no path, as the path is what could not be read.
 */
public final class UnroutableRequests {
    /** A {@code %} not followed by two hex digits. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private static final String ACTION = "(unroutable request)";

    private final AuditLog log;
    private final Clock clock;
    private final TrustedProxies proxies;

    public UnroutableRequests(AuditLog log, Clock clock, TrustedProxies proxies) {
        this.log = log;
        this.clock = clock;
        this.proxies = proxies;
    }

    /** {@code router}, behind a check that the path decodes. */
    public Handler<HttpServerRequest> guard(Handler<HttpServerRequest> router) {
        return request -> {
            String path = request.path();
            if (path != null && BAD_ESCAPE.matcher(path).find()) {
                refuse(
                        request,
                        ProblemException.badRequest(
                                "the path is not valid percent-encoding (a % must be followed by"
                                        + " two hex digits)"));
                return;
            }
            router.handle(request);
        };
    }

    /**
     * For {@code HttpServer#invalidRequestHandler}: the statuses Vert.x's default handler sends, as
     * problems; a request it would not answer still only closes the connection.
     */
    public void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ProblemException problem;
        if (cause instanceof TooLongHttpLineException) {
            problem =
                    ProblemException.status(
                            414,
                            "URI Too Long",
                            "the request line is longer than the server allows");
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem =
                    ProblemException.status(
                            431,
                            "Request Header Fields Too Large",
                            "the request headers are larger than the server allows");
        } else if (cause != null) {
            problem = ProblemException.badRequest("the request is not valid HTTP/1.1");
        } else {
            request.connection().close();
            return;
        }
        refuse(request, problem);
    }

    private void refuse(HttpServerRequest request, ProblemException problem) {
        String requestId =
                AuditHandler.requestId(request.getHeader(AuditHandler.REQUEST_ID_HEADER));
        request.response().putHeader(AuditHandler.REQUEST_ID_HEADER, requestId);
        SecurityHeaders.applyToData(request.response().headers());
        String method = request.method() == null ? "UNKNOWN" : request.method().name();
        log.append(
                new AuditEntry(
                        clock.instant(),
                        "anonymous",
                        "none",
                        method,
                        method + " " + ACTION,
                        List.of(),
                        true,
                        problem.status(),
                        client(request),
                        requestId,
                        problem.detail()));
        ProblemFailureHandler.send(request.response(), problem);
    }

    private String client(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String peer = remote.hostAddress() != null ? remote.hostAddress() : remote.toString();
        return proxies.client(peer, request.headers().getAll(ClientAddress.FORWARDED_FOR));
    }
}
