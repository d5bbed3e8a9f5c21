package dev.pulse.app.bench;

/** One API request of the load: path and query, and the caller's {@code Authorization} header. */
public record BenchRequest(String uri, String authorization) {}
