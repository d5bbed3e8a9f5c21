package dev.pulse.topologies.risk;

import dev.pulse.topologies.engagement.DailyHistory;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's weekly totals as of the end of a closed day: the last 7 days, the 7 before them, and
 * the baseline weeks before those, for every metric of the model. Whole weeks, so each side holds
 * every weekday once and the weekend dip is on both.
 */
public record RiskReading(Map<RiskMetric, Weeks> weeks) {

    /**
     * Totals of one metric.
     *
     * @param recent the last 7 days
     * @param previous the 7 days before them
     * @param baseline the weeks before those, newest first
     */
    public record Weeks(double recent, double previous, double[] baseline) {
        public double baselineMean() {
            return Arrays.stream(baseline).average().orElse(0);
        }

        /**
         * The baseline weeks' variance from their successive differences (von Neumann): the same as
         * the sample variance for a level series, but a fade already under way in the baseline does
         * not pass for noise.
         */
        public double baselineVariance() {
            if (baseline.length < 2) {
                return 0;
            }
            double sum = 0;
            for (int i = 1; i < baseline.length; i++) {
                double step = baseline[i] - baseline[i - 1];
                sum += step * step;
            }
            return sum / (2.0 * (baseline.length - 1));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Weeks w
                    && recent == w.recent
                    && previous == w.previous
                    && Arrays.equals(baseline, w.baseline);
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
                    + "]";
        }
    }

    public RiskReading {
        weeks = Map.copyOf(weeks);
    }

    /** Reads the totals from a history that ends at the end of the judged day. */
    public static RiskReading of(DailyHistory history, RiskModel model) {
        List<RiskMetric> metrics = model.riskMetrics();
        Map<RiskMetric, Weeks> weeks = new EnumMap<>(RiskMetric.class);
        for (RiskMetric metric : metrics) {
            double[] baseline = new double[model.baselineWeeks()];
            for (int i = 0; i < baseline.length; i++) {
                baseline[i] = history.count(7, 14 + 7 * i, metric.count());
            }
            weeks.put(
                    metric,
                    new Weeks(
                            history.count(7, 0, metric.count()),
                            history.count(7, 7, metric.count()),
                            baseline));
        }
        return new RiskReading(weeks);
    }

    public Weeks of(RiskMetric metric) {
        return weeks.get(metric);
    }
}
