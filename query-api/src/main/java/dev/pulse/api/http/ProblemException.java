package dev.pulse.api.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that ends in an RFC 9457 problem response. Handlers throw it (or fail the routing
 * context with it); {@link ProblemFailureHandler} renders it as {@code application/problem+json}.
 * It carries no stack trace: it is an answer, not a bug.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String TYPE_PREFIX = "urn:pulse:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final transient Duration retryAfter;
    private final transient Map<String, Object> extensions;
    private final transient Map<String, String> headers;

    private ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            Duration retryAfter,
            Map<String, Object> extensions,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = slug.startsWith(TYPE_PREFIX) ? slug : TYPE_PREFIX + slug;
        this.title = title;
        this.retryAfter = retryAfter;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    private ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            Duration retryAfter,
            Map<String, Object> extensions) {
        this(status, slug, title, detail, retryAfter, extensions, Map.of());
    }

    private static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, null, Map.of());
    }

    /** 400 for one query or path parameter; the detail says what form was expected. */
    public static ProblemException badParameter(String parameter, String problem) {
        return new ProblemException(
                400,
                "bad-parameter",
                "Bad parameter",
                "parameter '" + parameter + "' " + problem,
                null,
                Map.of("parameter", parameter));
    }

    public static ProblemException badRequest(String detail) {
        return of(400, "bad-request", "Bad request", detail);
    }

    /**
     * 401: no credentials, or credentials that do not prove who the caller is. The {@code
     * WWW-Authenticate} challenge is added by the caller with {@link #withHeader}.
     */
    public static ProblemException unauthorized(String detail) {
        return of(401, "unauthorized", "Unauthorized", detail);
    }

    /** 403: the caller is known, but may not do or see this. */
    public static ProblemException forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    /** 429 with {@code Retry-After}: the caller sent more requests than its limit allows. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(
                429, "too-many-requests", "Too many requests", detail, retryAfter, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static ProblemException methodNotAllowed(String detail) {
        return of(405, "method-not-allowed", "Method not allowed", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return of(413, "too-large", "Request too large", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return of(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(
                503, "unavailable", "Service unavailable", detail, retryAfter, Map.of());
    }

    public static ProblemException internal(String detail) {
        return of(500, "internal-error", "Internal server error", detail);
    }

    /** Any other status, e.g. a client error raised by Vert.x itself. */
    public static ProblemException status(int status, String title, String detail) {
        return of(status, "http-" + status, title, detail);
    }

    /** A copy with one more member in the problem body (RFC 9457 extension member). */
    public ProblemException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ProblemException(status, type, title, getMessage(), retryAfter, more, headers);
    }

    /** A copy that also sends this response header (e.g. {@code WWW-Authenticate}). */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(
                status, type, title, getMessage(), retryAfter, extensions, more);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** How long a client should wait before retrying; null when retrying will not help. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Response headers the problem answer carries besides Content-Type and Retry-After. */
    public Map<String, String> headers() {
        return headers;
    }
}
