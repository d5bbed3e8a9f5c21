package dev.pulse.api.http;

import io.vertx.core.MultiMap;

/**
 * Hardening headers: for the dashboard's pages a strict content security policy (no inline scripts
 * or styles, nothing from other origins, no framing) and the usual hardening headers; for the API's
 * data ({@code /v1/}, JSON, CSV, PDF and problems alike) the same hardening, a policy that lets the
 * answer run nothing, and no caching, as every answer is one caller's view.
 */
public final class SecurityHeaders {
    /** The page's content security policy. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; frame-ancestors 'none'; base-uri 'self';"
                    + " form-action 'self'";

    /** The policy of data answers: nothing to load, run or frame. */
    public static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** Adds the page headers to {@code headers}. */
    public static void apply(MultiMap headers) {
        hardening(headers).set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** Adds the data headers to {@code headers}; a handler may still narrow the caching. */
    public static void applyToData(MultiMap headers) {
        hardening(headers)
                .set("Content-Security-Policy", DATA_POLICY)
                .set("Cache-Control", "no-store");
    }

    private static MultiMap hardening(MultiMap headers) {
        return headers.set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "same-origin");
    }
}
