package dev.pulse.topologies.risk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * How the at-risk decision is made, as configured in the {@code risk} section of the health model.
 * A tenant is judged on each closed day by comparing its recent weeks with the weeks before (whole
 * weeks, so every weekday counts once on both sides), after taking out what the whole portfolio did
 * on the same days. docs/health-model.md explains each key and how to tune them.
 *
 * @param metrics what is compared: {@code active_user_days} (daily active users summed), {@code
 *     key_actions} (feature use and API calls) or {@code events}
 * @param dropPercent the last 7 days must be at least this much below the baseline week
 * @param previousWeekDropPercent ... and the 7 days before them at least this much: a fade shows in
 *     two weeks running, a single slow week does not
 * @param baselineWeeks the weeks before the two compared ones that make the account's normal
 * @param significance the drop must also be this many standard deviations of what a week of this
 *     account can vary by chance: small accounts need a larger drop
 * @param overdispersion how much noisier than a Poisson count a weekly total is (people come in
 *     visits of several actions)
 * @param noisePercent how much an account's weekly total varies from its normal for no reason at
 *     all, however large the account
 * @param cycles an account whose last 7 days are in line with the same days this long ago (for
 *     example {@code P1M}, {@code P3M}) is following its own cycle, not declining
 * @param portfolioAdjusted divide out the portfolio's median change on the same days (a holiday
 *     hits everyone); only drops are divided out, a portfolio that grows raises no one's risk
 * @param minPortfolioTenants fewer tenants with a baseline than this: no portfolio adjustment
 * @param enterAfterDays the signal (decline, or a score below the at-risk band) must hold on this
 *     many of the last 7 days before the account is declared at risk
 * @param exitAfterDays an account at risk leaves it after this many days in a row on which it is
 *     back near its normal (down less than half of {@code dropPercent}) with a score above the line
 * @param minHistoryDays accounts whose first event is more recent are not judged on change yet
 * @param levelAtRisk whether a score below {@code bands.atRisk} is a signal too
 * @param recoveryDays a decline must still show in this many latest days (against the same weekdays
 *     of the baseline weeks, down at least {@code previousWeekDropPercent}): a slow week that is
 *     over, or a dip the account is climbing out of, is not a fade. 0 asks instead that the last 7
 *     days are at least as far down as the 7 before
 * @param peakRatio a baseline week at least this many times the median baseline week is a peak (a
 *     quarter end, a launch): then a last week in line with the ordinary half of the baseline weeks
 *     is the account between its peaks, not a decline. It covers accounts too young for {@code
 *     cycles} to know their cycle; 0 turns it off
 */
public record RiskModel(
        List<String> metrics,
        double dropPercent,
        double previousWeekDropPercent,
        int baselineWeeks,
        double significance,
        double overdispersion,
        double noisePercent,
        List<String> cycles,
        boolean portfolioAdjusted,
        int minPortfolioTenants,
        int enterAfterDays,
        int exitAfterDays,
        int minHistoryDays,
        boolean levelAtRisk,
        int recoveryDays,
        double previousWeekSignificance,
        double peakRatio) {

    private static final List<String> DEFAULT_METRICS = List.of("active_user_days", "key_actions");
    private static final List<String> DEFAULT_CYCLES = List.of("P1M", "P3M");

    /** The shipped defaults, also used when a model has no {@code risk} section. */
    public static final RiskModel DEFAULT =
            new RiskModel(
                    DEFAULT_METRICS,
                    14,
                    10,
                    6,
                    1.4,
                    3,
                    8,
                    DEFAULT_CYCLES,
                    true,
                    8,
                    4,
                    10,
                    56,
                    true,
                    3,
                    0,
                    1.3);

    public RiskModel {
        metrics = metrics == null ? DEFAULT_METRICS : List.copyOf(metrics);
        cycles = cycles == null ? DEFAULT_CYCLES : List.copyOf(cycles);
    }

    /** Days of daily history a judgement reads. */
    public int lookbackDays() {
        int days = 7 * (baselineWeeks + 2) + 1;
        for (Period cycle : cyclePeriods()) {
            days = Math.max(days, (int) (cycle.toTotalMonths() * 31 + cycle.getDays()) + 8);
        }
        return days;
    }

    public List<RiskMetric> riskMetrics() {
        return metrics.stream().map(RiskMetric::fromId).toList();
    }

    public List<Period> cyclePeriods() {
        return cycles.stream().map(RiskModel::period).toList();
    }

    private static Period period(String text) {
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("cycle '" + text + "' must be positive");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "cycle '" + text + "' is not an ISO-8601 period such as P1M or P13W", e);
        }
    }

    /** Checks every value; the message names the key. */
    public void validate() {
        String where = "health model: risk: ";
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException(where + "'metrics' needs at least one metric");
        }
        try {
            riskMetrics();
            cyclePeriods();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        range(where, "dropPercent", dropPercent, 1, 99);
        range(where, "previousWeekDropPercent", previousWeekDropPercent, 0, 99);
        range(where, "baselineWeeks", baselineWeeks, 2, 12);
        range(where, "significance", significance, 0, 10);
        range(where, "overdispersion", overdispersion, 1, 100);
        range(where, "noisePercent", noisePercent, 0, 100);
        range(where, "minPortfolioTenants", minPortfolioTenants, 1, 1_000_000);
        range(where, "enterAfterDays", enterAfterDays, 1, 7);
        range(where, "exitAfterDays", exitAfterDays, 1, 60);
        range(where, "recoveryDays", recoveryDays, 0, 7);
        range(where, "previousWeekSignificance", previousWeekSignificance, 0, 10);
        if (peakRatio != 0) {
            range(where, "peakRatio", peakRatio, 1.1, 10);
        }
        range(where, "minHistoryDays", minHistoryDays, 7 * (baselineWeeks + 2), 366);
        if (lookbackDays() > 400) {
            throw new IllegalArgumentException(where + "'cycles' may look back at most a year");
        }
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
            @JsonProperty("noisePercent") Double noisePercent,
            @JsonProperty("cycles") List<String> cycles,
            @JsonProperty("portfolioAdjusted") Boolean portfolioAdjusted,
            @JsonProperty("minPortfolioTenants") Integer minPortfolioTenants,
            @JsonProperty("enterAfterDays") Integer enterAfterDays,
            @JsonProperty("exitAfterDays") Integer exitAfterDays,
            @JsonProperty("minHistoryDays") Integer minHistoryDays,
            @JsonProperty("levelAtRisk") Boolean levelAtRisk,
            @JsonProperty("recoveryDays") Integer recoveryDays,
            @JsonProperty("previousWeekSignificance") Double previousWeekSignificance,
            @JsonProperty("peakRatio") Double peakRatio) {
        public RiskModel toModel() {
            RiskModel d = DEFAULT;
            return new RiskModel(
                    or(metrics, d.metrics()),
                    or(dropPercent, d.dropPercent()),
                    or(previousWeekDropPercent, d.previousWeekDropPercent()),
                    or(baselineWeeks, d.baselineWeeks()),
                    or(significance, d.significance()),
                    or(overdispersion, d.overdispersion()),
                    or(noisePercent, d.noisePercent()),
                    or(cycles, d.cycles()),
                    or(portfolioAdjusted, d.portfolioAdjusted()),
                    or(minPortfolioTenants, d.minPortfolioTenants()),
                    or(enterAfterDays, d.enterAfterDays()),
                    or(exitAfterDays, d.exitAfterDays()),
                    or(minHistoryDays, d.minHistoryDays()),
                    or(levelAtRisk, d.levelAtRisk()),
                    or(recoveryDays, d.recoveryDays()),
                    or(previousWeekSignificance, d.previousWeekSignificance()),
                    or(peakRatio, d.peakRatio()));
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
