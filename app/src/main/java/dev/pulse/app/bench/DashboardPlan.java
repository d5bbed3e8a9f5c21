package dev.pulse.app.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the dashboard phase does: which browser, how many cold page loads of each kind, and how many
 * other signed-in people browse meanwhile.
 *
 * @param enabled whether the phase runs at all
 * @param browser the Chromium executable
 * @param navigations cold page loads of each page, alone and again under load
 * @param browsingUsers other signed-in people browsing while the second round is measured
 * @param thinkTime pause of a browsing person between two page views
 */
public record DashboardPlan(
        boolean enabled, Path browser, int navigations, int browsingUsers, Duration thinkTime) {

    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    public DashboardPlan {
        if (navigations <= 0) {
            throw new IllegalArgumentException(
                    "dashboard navigations must be positive, was " + navigations);
        }
        if (browsingUsers < 0) {
            throw new IllegalArgumentException(
                    "browsing users must not be negative, was " + browsingUsers);
        }
        if (thinkTime.isNegative()) {
            throw new IllegalArgumentException("the think time must not be negative");
        }
    }
}
