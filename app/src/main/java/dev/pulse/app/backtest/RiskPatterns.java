package dev.pulse.app.backtest;

import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.health.HealthModel;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The patterns an at-risk model must stay calm through, and fades it must flag weeks ahead, each on
 * a small hand-made portfolio (issue 9's traps): a holiday week for everyone, month-end and
 * quarterly peaks (also in an account younger than a quarter), one slow week, very small accounts,
 * an account ramping up, and fades of four to ten weeks. {@code pulse backtest --traps} runs them
 * against any model; {@code RiskPatternsTest} holds the shipped model to them.
 */
public final class RiskPatterns {
    private static final int DAYS = 182;
    private static final int WARMUP = 42;
    private static final LocalDate CHURN = SyntheticPortfolio.START.plusDays(170);
    private static final int[] FADE_DAYS = {28, 42, 56, 70};
    private static final int[] FADE_MIN_LEAD = {7, 14, 14, 21};

    /**
     * One pattern's result under a model.
     *
     * @param flagged every tenant that entered at risk after the warm-up, with the days and why
     */
    public record Trap(
            String pattern, String expected, boolean passed, Map<String, List<String>> flagged) {}

    private final HealthModel model;

    public RiskPatterns(HealthModel model) {
        this.model = model;
    }

    /** Every pattern, in a fixed order. */
    public List<Trap> all() {
        return List.of(
                holidayWeek(),
                monthEndPeaks(),
                quarterlyPeaks(),
                youngQuarterly(),
                slowWeek(),
                smallAccounts(),
                rampUp(),
                fades());
    }

    /** The whole portfolio at 35 % for nine days: nobody is at risk. */
    public Trap holidayWeek() {
        LocalDate holiday = SyntheticPortfolio.START.plusDays(100);
        Map<String, List<String>> flagged =
                flagged(
                        replay(
                                background(
                                        d ->
                                                !d.isBefore(holiday)
                                                                && d.isBefore(holiday.plusDays(9))
                                                        ? 0.35
                                                        : 1.0)));
        return new Trap(
                "holiday: the whole portfolio at 35 % for 9 days",
                "nobody at risk", flagged.isEmpty(), flagged);
    }

    /** Three times the usage in the last four days of every month. */
    public Trap monthEndPeaks() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant(
                "month-end",
                30,
                0,
                d -> d.getDayOfMonth() > d.lengthOfMonth() - 4 ? 3.0 : 1.0,
                null);
        return calm("month-end peaks (3x in a month's last 4 days)", portfolio, "month-end");
    }

    /** 2.3 times the usage in the last 17 days of every quarter. */
    public Trap quarterlyPeaks() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant("quarterly", 30, 0, RiskPatterns::quarterEndPeak, null);
        return calm("quarterly peaks (2.3x in a quarter's last 17 days)", portfolio, "quarterly");
    }

    /**
     * Quarterly peaks in an account that starts two months before its first quarter end: for the
     * six weeks after the peak it sits in the account's baseline weeks while the account is too
     * young for its quarterly cycle to be known (as the demo's quarterly accounts are).
     */
    public Trap youngQuarterly() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant("young-quarterly", 30, 60, RiskPatterns::quarterEndPeak, null);
        return calm(
                "a quarterly account younger than a quarter, after its first peak",
                portfolio,
                "young-quarterly");
    }

    /** 2.3 times the usage in the last 17 days of every quarter, else 1. */
    private static double quarterEndPeak(LocalDate day) {
        LocalDate quarterEnd = day.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
        return day.isAfter(quarterEnd.minusDays(17)) ? 2.3 : 1.0;
    }

    /** One week at 40 %, then back to normal. */
    public Trap slowWeek() {
        LocalDate slow = SyntheticPortfolio.START.plusDays(90);
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant(
                "blip",
                30,
                0,
                d -> !d.isBefore(slow) && d.isBefore(slow.plusDays(7)) ? 0.4 : 1.0,
                null);
        return calm("one slow week at 40 %", portfolio, "blip");
    }

    /** Five accounts of three people each, steady but noisy by nature. */
    public Trap smallAccounts() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            small.add("small-" + i);
            portfolio.tenant("small-" + i, 3, 0, d -> 1.0, null);
        }
        Map<String, List<String>> flagged = flagged(replay(portfolio));
        flagged.keySet().retainAll(small);
        return new Trap(
                "very small accounts (3 people)", "not at risk", flagged.isEmpty(), flagged);
    }

    /** A new account from day 60, growing from 15 % to normal over five weeks. */
    public Trap rampUp() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        long firstDay = SyntheticPortfolio.START.plusDays(60).toEpochDay();
        portfolio.tenant(
                "ramp-up",
                30,
                60,
                d -> Math.min(1.0, 0.15 + (d.toEpochDay() - firstDay) / 35.0),
                null);
        return calm("a new account ramping up over 5 weeks", portfolio, "ramp-up");
    }

    /**
     * Linear fades to 20 % over 4, 6, 8 and 10 weeks: each at risk at least 7, 14, 14 and 21 days
     * before its churn date, and nobody else at risk.
     */
    public Trap fades() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        for (int length : FADE_DAYS) {
            LocalDate fadeStart = CHURN.minusDays(length);
            portfolio.tenant(
                    "fade-" + length,
                    30,
                    0,
                    d -> {
                        long into = d.toEpochDay() - fadeStart.toEpochDay();
                        return into <= 0 ? 1.0 : 1.0 - 0.8 * into / (double) length;
                    },
                    CHURN);
        }
        ReplayResult result = replay(portfolio);
        Map<String, List<String>> flagged = flagged(result);
        boolean passed = flagged.size() == FADE_DAYS.length;
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (int i = 0; i < FADE_DAYS.length; i++) {
            String tenant = "fade-" + FADE_DAYS[i];
            int lead =
                    BacktestReport.lead(result.tenants().get(tenant).atRisk(), result.index(CHURN));
            passed &= lead >= FADE_MIN_LEAD[i] && flagged.containsKey(tenant);
            shown.put(tenant, List.of("lead " + lead + " days (needs " + FADE_MIN_LEAD[i] + ")"));
        }
        flagged.forEach((tenant, entries) -> shown.putIfAbsent(tenant, entries));
        return new Trap(
                "fades to 20 % over 4, 6, 8 and 10 weeks",
                "at risk 7, 14, 14, 21 days ahead; nobody else", passed, shown);
    }

    private Trap calm(String pattern, SyntheticPortfolio portfolio, String tenant) {
        Map<String, List<String>> flagged = flagged(replay(portfolio));
        flagged.keySet().retainAll(List.of(tenant));
        return new Trap(pattern, "not at risk", flagged.isEmpty(), flagged);
    }

    private static SyntheticPortfolio background(Function<LocalDate, Double> everyone) {
        return new SyntheticPortfolio(DAYS).background(24, (i, d) -> everyone.apply(d));
    }

    private ReplayResult replay(SyntheticPortfolio portfolio) {
        return new BacktestReplay(model, AlertRules.none(), 1)
                .run(
                        portfolio.data,
                        portfolio.accounts,
                        SyntheticPortfolio.START,
                        portfolio.lastDay(),
                        day -> {});
    }

    /** Every tenant that entered at risk after the warm-up: the days, with the sentence why. */
    private static Map<String, List<String>> flagged(ReplayResult result) {
        Map<String, List<String>> flagged = new TreeMap<>();
        result.tenants()
                .forEach(
                        (tenant, days) -> {
                            boolean[] atRisk = days.atRisk();
                            List<String> entries = new ArrayList<>();
                            for (int i = WARMUP; i < atRisk.length; i++) {
                                if (atRisk[i] && !atRisk[i - 1]) {
                                    entries.add(result.day(i) + ": " + days.reasons()[i]);
                                }
                            }
                            if (!entries.isEmpty()) {
                                flagged.put(tenant, entries);
                            }
                        });
        return flagged;
    }
}
