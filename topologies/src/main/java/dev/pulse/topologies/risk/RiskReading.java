package dev.pulse.topologies.risk;

import dev.pulse.topologies.engagement.DailyHistory;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's weekly totals as of the end of a closed day: the last 7 days, the 7 before them, the
 * baseline weeks before those, and the same 7 days one cycle ago (a month, a quarter), for every
 * metric of the model. Whole weeks, so each side holds every weekday once and the weekend dip is on
 * both.
 */
public record RiskReading(Map<RiskMetric, Weeks> weeks) {

    /**
     * Totals of one metric.
     *
     * @param recent the last 7 days
     * @param previous the 7 days before them
     * @param baseline the weeks before those, newest first
     * @param cycles the same 7 days one cycle ago, in the model's order; NaN where the history does
     *     not reach
     * @param latest the last few days ({@code recoveryDays} of the model; 0 when it has none)
     * @param latestBaseline the same weekdays in each baseline week, newest first
     */
    public record Weeks(
            double recent,
            double previous,
            double[] baseline,
            double[] cycles,
            double latest,
            double[] latestBaseline) {
        public double baselineMean() {
            return Arrays.stream(baseline).average().orElse(0);
        }

        /**
         * These totals with each baseline week divided by what the whole portfolio did that week (a
         * holiday in the baseline would otherwise lower the account's normal and, worse, widen its
         * spread so much that no fade shows for weeks after).
         *
         * @param factors per baseline week, newest first: the portfolio's level against its normal
         * @param cycleFactors the same for the same days one cycle ago, in the model's order
         */
        public Weeks normalised(double[] factors, double[] cycleFactors) {
            if (factors == null) {
                return this;
            }
            return new Weeks(
                    recent,
                    previous,
                    divide(baseline, factors),
                    divide(cycles, cycleFactors),
                    latest,
                    latestBaseline.length == 0 ? latestBaseline : divide(latestBaseline, factors));
        }

        private static double[] divide(double[] values, double[] factors) {
            double[] divided = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                divided[i] =
                        i < factors.length && factors[i] > 0 ? values[i] / factors[i] : values[i];
            }
            return divided;
        }

        /** What the latest days usually hold: the same weekdays' mean over the baseline weeks. */
        public double latestBaselineMean() {
            return Arrays.stream(latestBaseline).average().orElse(0);
        }

        /**
         * The baseline weeks' variance from their successive differences (von Neumann): the sample
         * variance for a level series, while a slow trend does not pass for noise.
         */
        public double baselineVariance() {
            // Every week: leaving the most unusual one out would understate a noisy account's
            // spread.
            double[] weeks = baseline;
            if (weeks.length < 2) {
                return 0;
            }
            double sum = 0;
            for (int i = 1; i < weeks.length; i++) {
                double step = weeks[i] - weeks[i - 1];
                sum += step * step;
            }
            return sum / (2.0 * (weeks.length - 1));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Weeks w
                    && recent == w.recent
                    && previous == w.previous
                    && Arrays.equals(baseline, w.baseline)
                    && Arrays.equals(cycles, w.cycles)
                    && latest == w.latest
                    && Arrays.equals(latestBaseline, w.latestBaseline);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(recent) * 31 + Arrays.hashCode(baseline);
        }

        @Override
        public String toString() {
            return "Weeks[recent="
                    + recent
                    + ", previous="
                    + previous
                    + ", baseline="
                    + Arrays.toString(baseline)
                    + ", cycles="
                    + Arrays.toString(cycles)
                    + ", latest="
                    + latest
                    + ", latestBaseline="
                    + Arrays.toString(latestBaseline)
                    + "]";
        }
    }

    public RiskReading {
        weeks = Map.copyOf(weeks);
    }

    /**
     * Reads the totals from a history that ends at the end of the judged day.
     *
     * @param firstDay the tenant's first day of activity; cycles reaching before it are NaN
     */
    public static RiskReading of(DailyHistory history, RiskModel model, LocalDate firstDay) {
        List<RiskMetric> metrics = model.riskMetrics();
        List<Period> cycles = model.cyclePeriods();
        LocalDate today = history.today();
        Map<RiskMetric, Weeks> weeks = new EnumMap<>(RiskMetric.class);
        for (RiskMetric metric : metrics) {
            DailyHistory.Counts counts = history.counts(metric.count());
            int latestDays = model.recoveryDays();
            double[] baseline = new double[model.baselineWeeks()];
            double[] latestBaseline = new double[latestDays == 0 ? 0 : baseline.length];
            for (int i = 0; i < baseline.length; i++) {
                baseline[i] = counts.count(7, 14 + 7 * i);
                if (latestDays > 0) {
                    latestBaseline[i] = counts.count(latestDays, 14 + 7 * i);
                }
            }
            double[] sameDays = new double[cycles.size()];
            for (int i = 0; i < sameDays.length; i++) {
                LocalDate then = today.minus(cycles.get(i));
                boolean known = firstDay != null && !then.minusDays(6).isBefore(firstDay);
                sameDays[i] =
                        known
                                ? counts.count(7, (int) (today.toEpochDay() - then.toEpochDay()))
                                : Double.NaN;
            }
            weeks.put(
                    metric,
                    new Weeks(
                            counts.count(7, 0),
                            counts.count(7, 7),
                            baseline,
                            sameDays,
                            latestDays == 0 ? 0 : counts.count(latestDays, 0),
                            latestBaseline));
        }
        return new RiskReading(weeks);
    }

    public Weeks of(RiskMetric metric) {
        return weeks.get(metric);
    }
}
