package dev.pulse.app.backtest;

import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.RiskAssessment;
import java.time.LocalDate;
import java.util.Locale;

/** One line on one tenant's closed day, for someone tuning a model. */
final class DayExplanation {
    private DayExplanation() {}

    static String of(LocalDate day, HealthScore score) {
        RiskAssessment risk = score.risk();
        return String.format(
                Locale.ROOT,
                "%s %5.1f %-8s %s%s %s",
                day,
                score.score(),
                score.band().label(),
                risk != null && risk.atRisk() ? "AT RISK" : "-      ",
                risk != null && risk.signal() ? " *" : "  ",
                risk == null ? "" : risk.reason());
    }
}
