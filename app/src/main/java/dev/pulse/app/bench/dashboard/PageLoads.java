package dev.pulse.app.bench.dashboard;

import dev.pulse.app.bench.LatencySummary;

/**
 * Cold page loads in the browser, from asking for the address until the page shows what it is for.
 *
 * @param portfolio {@code /} until all the owner's portfolio rows are rendered
 * @param account {@code /accounts/<tenant>} until the account page and its contributions table are
 *     rendered
 * @param yardstick {@code /health/live}, a few bytes from the same server, until loaded: what a
 *     page load costs on this machine before any of the dashboard's work
 * @param responsesFromCache responses of those loads that the browser took from its cache: 0 when
 *     every load was cold, as intended
 */
public record PageLoads(
        LatencySummary portfolio,
        LatencySummary account,
        LatencySummary yardstick,
        long responsesFromCache) {}
