package dev.pulse.topologies.risk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the at-risk decision is made, as configured in the {@code risk} section of the health model.
 * A tenant is judged on each closed day by comparing its recent weeks with the weeks before (whole
 * weeks, so every weekday counts once on both sides), after taking out what the whole portfolio did
 * on the same days.
 *
 * @param metrics what is compared: {@code active_user_days} (daily active users summed), {@code
 *     key_actions} (feature use and API calls) or {@code events}
 * @param dropPercent the last 7 days must be at least this much below the baseline week
 * @param previousWeekDropPercent ... and the 7 days before them at least this much: a fade shows in
 *     two weeks running, a single slow week does not
 * @param baselineWeeks the weeks before the two compared ones that make the account's normal
 * @param significance the drop must also be this many standard deviations of the baseline weeks (at
 *     least the Poisson noise of the counts): small and bursty accounts need a larger drop
 * @param portfolioAdjusted divide out the portfolio's median change on the same days (a holiday
 *     hits everyone); only drops are divided out, a portfolio that grows raises no one's risk
 * @param minPortfolioTenants fewer tenants with a baseline than this: no portfolio adjustment
 * @param enterAfterDays the signal (decline, or a score below the at-risk band) must hold on this
 *     many of the last 7 days before the account is declared at risk
 * @param exitAfterDays an account at risk leaves it after this many days in a row without signal
 * @param minHistoryDays accounts whose first event is more recent are not judged on change yet
 * @param levelAtRisk whether a score below {@code bands.atRisk} is a signal too
 */
public record RiskModel(
        List<String> metrics,
        double dropPercent,
        double previousWeekDropPercent,
        int baselineWeeks,
        double significance,
        double overdispersion,
        boolean portfolioAdjusted,
        int minPortfolioTenants,
        int enterAfterDays,
        int exitAfterDays,
        int minHistoryDays,
        boolean levelAtRisk) {

    /** The shipped defaults, also used when a model has no {@code risk} section. */
    public static final RiskModel DEFAULT =
            new RiskModel(
                    List.of("active_user_days", "key_actions"),
                    20,
                    8,
                    4,
                    2.5,
                    3,
                    true,
                    8,
                    4,
                    10,
                    42,
                    true);

    public RiskModel {
        metrics = metrics == null ? DEFAULT_METRICS : List.copyOf(metrics);
    }

    private static final List<String> DEFAULT_METRICS = List.of("active_user_days", "key_actions");

    /** Days of daily history a judgement reads. */
    public int lookbackDays() {
        return 7 * (baselineWeeks + 2) + 1;
    }

    public List<RiskMetric> riskMetrics() {
        return metrics.stream().map(RiskMetric::fromId).toList();
    }

    /** Checks every value; the message names the key. */
    public void validate() {
        String where = "health model: risk: ";
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException(where + "'metrics' needs at least one metric");
        }
        try {
            riskMetrics();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        range(where, "dropPercent", dropPercent, 1, 99);
        range(where, "previousWeekDropPercent", previousWeekDropPercent, 0, 99);
        range(where, "baselineWeeks", baselineWeeks, 2, 12);
        range(where, "significance", significance, 0, 10);
        range(where, "overdispersion", overdispersion, 1, 100);
        range(where, "minPortfolioTenants", minPortfolioTenants, 1, 1_000_000);
        range(where, "enterAfterDays", enterAfterDays, 1, 7);
        range(where, "exitAfterDays", exitAfterDays, 1, 60);
        range(where, "minHistoryDays", minHistoryDays, 7 * (baselineWeeks + 2), 366);
    }

    private static void range(String where, String key, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(
                    where
                            + "'"
                            + key
                            + "' must be between "
                            + fmt(low)
                            + " and "
                            + fmt(high)
                            + ", got "
                            + fmt(value));
        }
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The YAML shape, every key optional and defaulting to {@link #DEFAULT}. */
    public record Yaml(
            @JsonProperty("metrics") List<String> metrics,
            @JsonProperty("dropPercent") Double dropPercent,
            @JsonProperty("previousWeekDropPercent") Double previousWeekDropPercent,
            @JsonProperty("baselineWeeks") Integer baselineWeeks,
            @JsonProperty("significance") Double significance,
            @JsonProperty("overdispersion") Double overdispersion,
            @JsonProperty("portfolioAdjusted") Boolean portfolioAdjusted,
            @JsonProperty("minPortfolioTenants") Integer minPortfolioTenants,
            @JsonProperty("enterAfterDays") Integer enterAfterDays,
            @JsonProperty("exitAfterDays") Integer exitAfterDays,
            @JsonProperty("minHistoryDays") Integer minHistoryDays,
            @JsonProperty("levelAtRisk") Boolean levelAtRisk) {
        public RiskModel toModel() {
            RiskModel d = DEFAULT;
            return new RiskModel(
                    metrics == null ? d.metrics() : metrics,
                    dropPercent == null ? d.dropPercent() : dropPercent,
                    previousWeekDropPercent == null
                            ? d.previousWeekDropPercent()
                            : previousWeekDropPercent,
                    baselineWeeks == null ? d.baselineWeeks() : baselineWeeks,
                    significance == null ? d.significance() : significance,
                    overdispersion == null ? d.overdispersion() : overdispersion,
                    portfolioAdjusted == null ? d.portfolioAdjusted() : portfolioAdjusted,
                    minPortfolioTenants == null ? d.minPortfolioTenants() : minPortfolioTenants,
                    enterAfterDays == null ? d.enterAfterDays() : enterAfterDays,
                    exitAfterDays == null ? d.exitAfterDays() : exitAfterDays,
                    minHistoryDays == null ? d.minHistoryDays() : minHistoryDays,
                    levelAtRisk == null ? d.levelAtRisk() : levelAtRisk);
        }
    }
}
