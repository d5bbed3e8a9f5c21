package dev.pulse.api.http;

/** Bounds on what one request may carry. */
public final class RequestLimits {
    /** Largest request body accepted; larger bodies get 413. */
    public static final long BODY_LIMIT_BYTES = 10L * 1024 * 1024;

    /** Most events or accounts in one ingest request; more get 413. */
    public static final int MAX_RECORDS = 10_000;

    private RequestLimits() {}
}
