package dev.pulse.app.bench.dashboard;

import dev.pulse.app.bench.Throughput;

/**
 * What the background browsers did while the page loads were timed.
 *
 * @param people signed-in people browsing
 * @param requests API requests they sent, over the time they browsed
 * @param errors requests that failed or were not answered 200
 */
public record BrowsingLoad(int people, Throughput requests, long errors) {}
