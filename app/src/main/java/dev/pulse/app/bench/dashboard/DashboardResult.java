package dev.pulse.app.bench.dashboard;

import java.util.Optional;

/**
 * The dashboard phase's figures, or why there are none.
 *
 * @param skipped why the phase did not measure, or empty when it did
 * @param alone page loads with nobody else using Pulse
 * @param withUsers the same page loads while other signed-in people browse
 * @param browsing what those people did meanwhile
 */
public record DashboardResult(
        Optional<String> skipped, PageLoads alone, PageLoads withUsers, BrowsingLoad browsing) {

    /** The phase was not run or could not measure, for this reason. */
    public static DashboardResult notRun(String reason) {
        return new DashboardResult(Optional.of(reason), null, null, null);
    }

    static DashboardResult measured(PageLoads alone, PageLoads withUsers, BrowsingLoad browsing) {
        return new DashboardResult(Optional.empty(), alone, withUsers, browsing);
    }
}
