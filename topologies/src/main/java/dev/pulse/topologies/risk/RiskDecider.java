package dev.pulse.topologies.risk;

import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.text.Decimals;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides, for a group of tenants on one closed day, which are at risk. A pure function of the
 * day's readings, the end-of-day scores and each tenant's decisions of the days before, so a replay
 * of the same events decides exactly as the live run did. The topology calls it when it closes a
 * day, the backtest for every day of a history.
 *
 * <p>Per tenant and metric, the last 7 days and the 7 before them are compared with the account's
 * baseline weeks, each scaled by the portfolio's median movement on the same days (when the whole
 * portfolio is quiet, nobody is singled out). A decline holds when both weeks fell (a fade shows in
 * two weeks running, a single slow week does not) and the drop is larger than the baseline weeks'
 * own spread (small and bursty accounts need more). A score below the at-risk band is a signal too.
 * The account enters at risk when the signal held on {@code enterAfterDays} of the last 7 days and
 * leaves after {@code exitAfterDays} days in a row without it.
 */
public final class RiskDecider {
    /**
     * A decline is not recovering: the last week is at least as far down as the week before. A
     * single slow week, once it moves into the earlier of the two weeks, fails this.
     */
    private static final double DEEPENING = 1.0;

    /**
     * Share of the portfolio's own movement taken as uncertainty about one account's expectation.
     */
    private static final double PORTFOLIO_UNCERTAINTY = 0.5;

    /** The portfolio factor never scales an expectation below this share. */
    private static final double MIN_PORTFOLIO_FACTOR = 0.2;

    private final RiskModel model;
    private final HealthModel health;
    private final List<RiskMetric> metrics;

    public RiskDecider(HealthModel health) {
        this.health = health;
        this.model = health.riskModel();
        this.metrics = model.riskMetrics();
    }

    public RiskModel model() {
        return model;
    }

    /**
     * One tenant's inputs for one day.
     *
     * @param name the account's name for sentences (the tenant id when unknown)
     * @param score the end-of-day health score (its level and first activity are used)
     * @param previous the decisions of earlier days, newest first; days without one are absent
     */
    public record TenantDay(
            String tenantId,
            String name,
            RiskReading reading,
            HealthScore score,
            List<RiskAssessment> previous) {}

    /**
     * The portfolio's median change on the same days, per metric: last 7 days and the 7 before, and
     * each baseline week against the portfolio's normal (null: no adjustment).
     */
    record Movement(double recent, double previous, double[] baseline, double[] cycles) {
        static final Movement NONE = new Movement(1, 1, null, null);
    }

    public Map<String, RiskAssessment> decide(LocalDate day, List<TenantDay> tenants) {
        Map<RiskMetric, Movement> movement = movement(day, tenants);
        Map<String, RiskAssessment> decisions = new HashMap<>();
        for (TenantDay tenant : tenants) {
            decisions.put(tenant.tenantId(), decide(day, tenant, movement));
        }
        return decisions;
    }

    private boolean judged(LocalDate day, TenantDay tenant) {
        if (tenant.score() == null || tenant.score().firstEventAt() == null) {
            return false;
        }
        LocalDate first = LocalDate.ofInstant(tenant.score().firstEventAt(), ZoneOffset.UTC);
        return !first.isAfter(day.minusDays(model.minHistoryDays() - 1L));
    }

    private Map<RiskMetric, Movement> movement(LocalDate day, List<TenantDay> tenants) {
        Map<RiskMetric, Movement> movement = new EnumMap<>(RiskMetric.class);
        for (RiskMetric metric : metrics) {
            List<RiskReading.Weeks> judged = new ArrayList<>();
            for (TenantDay tenant : tenants) {
                RiskReading.Weeks weeks = tenant.reading().of(metric);
                if (weeks != null && weeks.baselineMean() > 0 && judged(day, tenant)) {
                    judged.add(weeks);
                }
            }
            if (!model.portfolioAdjusted() || judged.size() < model.minPortfolioTenants()) {
                movement.put(metric, Movement.NONE);
                continue;
            }
            double[] medians = weekMedians(judged, RiskReading.Weeks::baseline);
            double usual = median(medians);
            double[] baseline = relativeTo(medians, usual);
            double[] cycles = relativeTo(weekMedians(judged, RiskReading.Weeks::cycles), usual);
            List<Double> recent = new ArrayList<>();
            List<Double> previous = new ArrayList<>();
            for (RiskReading.Weeks weeks : judged) {
                double base = weeks.normalised(baseline, cycles).baselineMean();
                recent.add(weeks.recent() / base);
                previous.add(weeks.previous() / base);
            }
            movement.put(
                    metric,
                    new Movement(
                            factor(median(recent)), factor(median(previous)), baseline, cycles));
        }
        return movement;
    }

    /**
     * Per week of {@code weeks} (baseline weeks, or the same days one cycle ago): the median
     * account's total against its own baseline mean. NaN where no account's history reaches.
     */
    private static double[] weekMedians(
            List<RiskReading.Weeks> judged, Function<RiskReading.Weeks, double[]> weeks) {
        int count = weeks.apply(judged.get(0)).length;
        double[] means = new double[judged.size()];
        for (int t = 0; t < means.length; t++) {
            means[t] = judged.get(t).baselineMean(); // once, not once per week
        }
        double[] medians = new double[count];
        for (int i = 0; i < count; i++) {
            List<Double> shares = new ArrayList<>(judged.size());
            for (int t = 0; t < means.length; t++) {
                double week = weeks.apply(judged.get(t))[i];
                if (!Double.isNaN(week)) {
                    shares.add(week / means[t]);
                }
            }
            medians[i] = shares.isEmpty() ? Double.NaN : median(shares);
        }
        return medians;
    }

    /**
     * Each week's portfolio level against a usual week: 1 for an ordinary week, less for a holiday.
     */
    private static double[] relativeTo(double[] medians, double usual) {
        double[] factors = new double[medians.length];
        for (int i = 0; i < medians.length; i++) {
            factors[i] = usual > 0 && !Double.isNaN(medians[i]) ? factor(medians[i] / usual) : 1;
        }
        return factors;
    }

    /** Only a portfolio-wide drop is divided out; one that grows raises nobody's risk. */
    private static double factor(double median) {
        return Math.max(MIN_PORTFOLIO_FACTOR, Math.min(1, median));
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A metric's drop against the account's normal, after the portfolio's movement. */
    private record Drop(
            RiskMetric metric,
            double recent,
            double previous,
            double z,
            double previousZ,
            double portfolio,
            boolean inItsCycle,
            double latest) {}

    private RiskAssessment decide(
            LocalDate day, TenantDay tenant, Map<RiskMetric, Movement> movement) {
        boolean judged = judged(day, tenant);
        Drop worst = null;
        Drop declining = null;
        if (judged) {
            for (RiskMetric metric : metrics) {
                Movement moved = movement.get(metric);
                RiskReading.Weeks weeks = tenant.reading().of(metric);
                Drop drop =
                        drop(
                                weeks == null
                                        ? null
                                        : weeks.normalised(moved.baseline(), moved.cycles()),
                                metric,
                                moved);
                if (drop == null) {
                    continue;
                }
                if (worst == null || drop.recent() > worst.recent()) {
                    worst = drop;
                }
                if (isDecline(drop) && (declining == null || drop.recent() > declining.recent())) {
                    declining = drop;
                }
            }
        }
        double level = tenant.score() == null ? 100 : tenant.score().score();
        boolean low = model.levelAtRisk() && level < health.bands().atRisk();
        boolean signal = declining != null || low;
        boolean recovered =
                !signal && !low && (worst == null || worst.recent() * 200 < model.dropPercent());

        RiskAssessment yesterday = dayBefore(day, tenant.previous());
        LocalDate signalSince =
                !signal
                        ? null
                        : yesterday != null && yesterday.signal() && yesterday.signalSince() != null
                                ? yesterday.signalSince()
                                : day;
        boolean wasAtRisk = yesterday != null && yesterday.atRisk();
        boolean atRisk =
                wasAtRisk
                        ? !recovered
                                || recoveredDays(day, tenant.previous()) < model.exitAfterDays() - 1
                        : signal
                                && signalDays(day, tenant.previous()) + 1 >= model.enterAfterDays();
        LocalDate atRiskSince =
                !atRisk
                        ? null
                        : wasAtRisk && yesterday.atRiskSince() != null
                                ? yesterday.atRiskSince()
                                : day;
        Drop shown = declining != null ? declining : worst;
        return new RiskAssessment(
                day,
                atRisk,
                signal,
                declining != null,
                recovered,
                signalSince,
                atRiskSince,
                reason(day, tenant, declining, worst, low, level, signalSince, atRisk, atRiskSince),
                shown == null ? null : shown.metric().id(),
                shown == null ? null : round1(shown.recent() * 100),
                shown == null ? null : round1((shown.portfolio() - 1) * 100));
    }

    private Drop drop(RiskReading.Weeks weeks, RiskMetric metric, Movement movement) {
        if (weeks == null) {
            return null;
        }
        double base = weeks.baselineMean();
        if (base <= 0) {
            return null;
        }
        double expectedRecent = base * movement.recent();
        double expectedPrevious = base * movement.previous();
        // What a week of this account varies by chance: counting noise (actions come in visits of
        // several, so more than a Poisson count's), a share of its size, and the more the whole
        // portfolio moved, the less surely that movement applies to this one account in full.
        double noise = model.noisePercent() / 100 * expectedRecent;
        double shared = expectedRecent * (1 - movement.recent()) * PORTFOLIO_UNCERTAINTY;
        // An account that is noisier than that by nature shows it in its own baseline weeks.
        double own =
                Math.max(
                        expectedRecent * model.overdispersion() + noise * noise,
                        weeks.baselineVariance() * movement.recent() * movement.recent());
        double spread = Math.sqrt(own + shared * shared);
        return new Drop(
                metric,
                1 - weeks.recent() / expectedRecent,
                1 - weeks.previous() / expectedPrevious,
                (weeks.recent() - expectedRecent) / spread,
                (weeks.previous() - expectedPrevious) / spread,
                movement.recent(),
                inItsCycle(weeks, movement.recent()),
                latestDrop(weeks, movement));
    }

    /** How far down the latest days are against the same weekdays of the baseline weeks. */
    private double latestDrop(RiskReading.Weeks weeks, Movement movement) {
        double usual = weeks.latestBaselineMean() * movement.recent();
        return model.recoveryDays() == 0 || usual <= 0 ? 0 : 1 - weeks.latest() / usual;
    }

    /**
     * The last 7 days are about what the same days were a cycle ago (a month, a quarter), and those
     * were a trough of the account's own cycle too.
     */
    private boolean inItsCycle(RiskReading.Weeks weeks, double portfolio) {
        double low = weeks.baselineMean() * (1 - model.dropPercent() / 100);
        for (double sameDays : weeks.cycles()) {
            // Only a trough a cycle ago explains one now; a fade's month-ago week was merely
            // a little lower already, and must not excuse it.
            if (!Double.isNaN(sameDays)
                    && sameDays > 0
                    && sameDays <= low
                    && weeks.recent() >= sameDays * portfolio * (1 - model.dropPercent() / 100)) {
                return true;
            }
        }
        return betweenItsPeaks(weeks, portfolio);
    }

    /**
     * A peak in the baseline weeks (a quarter end while the account is too young for its quarterly
     * cycle to be known) lifts its normal, and the last 7 days are in line with the ordinary half
     * of those weeks: the account is between its peaks. A fade falls below its ordinary weeks too.
     */
    private boolean betweenItsPeaks(RiskReading.Weeks weeks, double portfolio) {
        if (model.peakRatio() == 0 || weeks.baseline().length < 2) {
            return false;
        }
        double[] sorted = weeks.baseline().clone();
        Arrays.sort(sorted);
        double usual = median(sorted);
        if (usual <= 0 || sorted[sorted.length - 1] < model.peakRatio() * usual) {
            return false;
        }
        int half = sorted.length / 2;
        double ordinary = 0;
        for (int i = 0; i < half; i++) {
            ordinary += sorted[i] / half;
        }
        return weeks.recent() >= ordinary * portfolio * (1 - model.dropPercent() / 100);
    }

    private boolean isDecline(Drop drop) {
        return drop.recent() * 100 >= model.dropPercent()
                && drop.previous() * 100 >= model.previousWeekDropPercent()
                && stillFalling(drop)
                && drop.z() <= -model.significance()
                && drop.previousZ() <= -model.previousWeekSignificance()
                && !drop.inItsCycle();
    }

    /**
     * A fade has not turned: its latest days are still down, or (without {@code recoveryDays}) the
     * last week is at least as far down as the week before. A slow week that is over fails both.
     */
    private boolean stillFalling(Drop drop) {
        return model.recoveryDays() == 0
                ? drop.recent() >= DEEPENING * drop.previous()
                : drop.latest() * 100 >= model.dropPercent();
    }

    private static RiskAssessment dayBefore(LocalDate day, List<RiskAssessment> previous) {
        if (previous == null || previous.isEmpty()) {
            return null;
        }
        RiskAssessment newest = previous.get(0);
        return newest.day() != null && newest.day().equals(day.minusDays(1)) ? newest : null;
    }

    /** Days with signal among the 6 before {@code day}. */
    private static int signalDays(LocalDate day, List<RiskAssessment> previous) {
        int count = 0;
        for (RiskAssessment before : previous == null ? List.<RiskAssessment>of() : previous) {
            if (before.day() != null && before.day().isAfter(day.minusDays(7)) && before.signal()) {
                count++;
            }
        }
        return count;
    }

    /** Days in a row back near normal right before {@code day}. */
    private static int recoveredDays(LocalDate day, List<RiskAssessment> previous) {
        int recovered = 0;
        LocalDate expected = day.minusDays(1);
        for (RiskAssessment before : previous == null ? List.<RiskAssessment>of() : previous) {
            if (before.day() == null || !before.day().equals(expected) || !before.recovered()) {
                break;
            }
            recovered++;
            expected = expected.minusDays(1);
        }
        return recovered;
    }

    private String reason(
            LocalDate day,
            TenantDay tenant,
            Drop declining,
            Drop worst,
            boolean low,
            double level,
            LocalDate signalSince,
            boolean atRisk,
            LocalDate atRiskSince) {
        String weeks = model.baselineWeeks() + " weeks";
        if (declining != null) {
            long days =
                    signalSince == null
                            ? 1
                            : java.time.temporal.ChronoUnit.DAYS.between(signalSince, day) + 1;
            return declining.metric().label()
                    + " down "
                    + percent(declining.recent())
                    + " against their usual "
                    + weeks
                    + (declining.previous() > 0
                            ? " (and " + percent(declining.previous()) + " the week before)"
                            : "")
                    + ", for "
                    + days
                    + (days == 1 ? " day" : " days")
                    + portfolioNote(declining.portfolio());
        }
        if (low) {
            long days =
                    signalSince == null
                            ? 1
                            : java.time.temporal.ChronoUnit.DAYS.between(signalSince, day) + 1;
            String drag = tenant.score().topReason();
            return "score "
                    + Decimals.whole(level)
                    + ", below the at-risk line of "
                    + Decimals.whole(health.bands().atRisk())
                    + " for "
                    + days
                    + (days == 1 ? " day" : " days")
                    + (drag == null ? "" : "; main drag: " + drag);
        }
        if (worst == null) {
            return judgedNote(day, tenant);
        }
        String reading = usage(worst, weeks);
        if (atRisk) {
            return reading
                    + "; at risk since "
                    + atRiskSince
                    + ", until it is back near normal for "
                    + model.exitAfterDays()
                    + " days";
        }
        return reading;
    }

    private static String usage(Drop drop, String weeks) {
        return drop.metric().label()
                + (drop.recent() >= 0
                        ? " down " + percent(drop.recent())
                        : " up " + percent(-drop.recent()))
                + " against their usual "
                + weeks
                + portfolioNote(drop.portfolio());
    }

    private String judgedNote(LocalDate day, TenantDay tenant) {
        if (!judged(day, tenant)) {
            return "too new to judge change (fewer than " + model.minHistoryDays() + " days)";
        }
        return "no usage in the baseline weeks to compare with";
    }

    private static String portfolioNote(double portfolio) {
        return portfolio < 0.97
                ? "; the whole portfolio was " + percent(1 - portfolio) + " down the same days"
                : "";
    }

    private static String percent(double share) {
        return Decimals.percent(share);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
