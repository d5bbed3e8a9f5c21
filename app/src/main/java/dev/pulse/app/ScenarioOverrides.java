package dev.pulse.app;

import dev.pulse.app.portfolio.PortfolioScenario;
import java.time.LocalDate;
import java.util.Locale;
import java.util.StringJoiner;
import picocli.CommandLine.Option;

/**
 * A generated history's length, end and volume over a preset's, as {@code pulse generate} and
 * {@code pulse backtest --generate} both take them, so a model is tried on more than the presets'
 * own parameters. The account count is each command's own option ({@code --accounts} names a file
 * in the backtest).
 */
final class ScenarioOverrides {
    @Option(
            names = "--days",
            paramLabel = "N",
            description =
                    "Days of history (default: the preset's); at least 35 days of baseline plus"
                            + " the shortest fade.")
    Integer days;

    @Option(
            names = "--end",
            paramLabel = "YYYY-MM-DD",
            description = "Last day of the history, inclusive (default: 2026-10-31).")
    LocalDate end;

    @Option(
            names = "--volume-scale",
            paramLabel = "X",
            description =
                    "Multiplies the preset's volume (standard: about 100 events per account on"
                            + " a weekday; default: 1).")
    Double volumeScale;

    /**
     * The preset with what was given changed.
     *
     * @param accounts the account count, or null for the preset's
     * @throws IllegalArgumentException when the result is no valid scenario (too short for a fade)
     */
    PortfolioScenario apply(PortfolioScenario preset, Integer accounts) {
        PortfolioScenario chosen = preset;
        if (accounts != null) {
            chosen = chosen.withAccounts(accounts);
        }
        if (days != null) {
            chosen = chosen.withDays(days);
        }
        if (end != null) {
            chosen = chosen.withEnd(end);
        }
        if (volumeScale != null) {
            chosen = chosen.withVolumeScale(chosen.volumeScale() * volumeScale);
        }
        return chosen;
    }

    /** Whether any of these options was given. */
    boolean given() {
        return days != null || end != null || volumeScale != null;
    }

    /** What was changed, for a run's title: "240 accounts, 240 days"; empty when nothing. */
    static String describe(PortfolioScenario preset, PortfolioScenario chosen) {
        StringJoiner changed = new StringJoiner(", ");
        if (chosen.accounts() != preset.accounts()) {
            changed.add(chosen.accounts() + " accounts");
        }
        if (chosen.days() != preset.days()) {
            changed.add(chosen.days() + " days");
        }
        if (!chosen.end().equals(preset.end())) {
            changed.add("to " + chosen.end());
        }
        if (chosen.volumeScale() != preset.volumeScale()) {
            changed.add(String.format(Locale.ROOT, "volume x%.2f", chosen.volumeScale()));
        }
        return changed.toString();
    }
}
