package dev.pulse.app.backtest;

import dev.pulse.app.portfolio.HolidayPeriod;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How early and how precisely one replay flagged churn.
 *
 * <ul>
 *   <li>Churned accounts: the lead time is the number of days between the start of the at-risk
 *       episode that was still running the day before the churn date and the churn date; 0 when the
 *       account was not at risk that day. "Flagged 14 days ahead" means a lead of 14 days or more.
 *   <li>Retained accounts: a false alarm is a day an account enters at risk (not at risk the day
 *       before), after the warm-up in which the model cannot judge change yet. Counted per account
 *       manager per week, by the account's pattern label, and on holiday days.
 *   <li>Rules: an alert that fired is right when its account churned within {@link
 *       #RULE_HORIZON_DAYS} days after it fired.
 * </ul>
 */
public record BacktestReport(
        String model,
        LocalDate evaluatedFrom,
        LocalDate evaluatedTo,
        int churned,
        double flagged7,
        double flagged14,
        double flagged30,
        double medianLeadDays,
        int retained,
        int accountManagers,
        double weeks,
        int falseEntries,
        double falsePerManagerWeek,
        Map<String, PatternFigures> byPattern,
        int holidayEntries,
        Map<String, RuleFigures> rules,
        List<String> missedChurners,
        List<String> exampleReasons) {

    /** An alert counts as right when its account churns within this many days. */
    public static final int RULE_HORIZON_DAYS = 90;

    /** Figures for one pattern label. */
    public record PatternFigures(int accounts, int falseEntries, double perAccountMonth) {}

    /** Figures for one alert rule. */
    public record RuleFigures(int fired, int correct, Double precision, int churnersCaught) {}

    /**
     * @param warmupDays days at the start in which the model cannot judge change yet
     * @param holidays the history's holiday periods, if it is labelled with them
     */
    public static BacktestReport of(
            ReplayResult replay,
            Map<String, Account> accounts,
            int warmupDays,
            List<HolidayPeriod> holidays) {
        int start = Math.min(warmupDays, replay.days() - 1);
        LocalDate from = replay.day(start);
        LocalDate to = replay.day(replay.days() - 1);
        List<Integer> leads = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int falseEntries = 0;
        int holidayEntries = 0;
        int retained = 0;
        Set<String> managers = new HashSet<>();
        Map<String, int[]> patterns = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, ReplayResult.Series> entry : replay.tenants().entrySet()) {
            Account account = accounts.get(entry.getKey());
            if (account == null) {
                continue;
            }
            if (account.owner() != null) {
                managers.add(account.owner());
            }
            ReplayResult.Series series = entry.getValue();
            if (account.churned() && account.churnedAt() != null) {
                int churn = replay.index(account.churnedAt());
                if (churn <= start || churn > replay.days()) {
                    continue; // churned before the model could judge, or after the history
                }
                int lead = lead(series.atRisk(), churn);
                leads.add(lead);
                if (lead < 14) {
                    missed.add(account.tenantId() + " (" + label(account) + ", lead " + lead + ")");
                }
                if (lead > 0 && examples.size() < 5) {
                    String reason = series.reasons()[churn - lead];
                    if (reason != null) {
                        examples.add(
                                account.name() + ", " + lead + " days before churn: " + reason);
                    }
                }
                continue;
            }
            retained++;
            int[] figures = patterns.computeIfAbsent(pattern(account), p -> new int[2]);
            figures[0]++;
            boolean[] atRisk = series.atRisk();
            for (int i = Math.max(1, start); i < replay.days(); i++) {
                if (atRisk[i] && !atRisk[i - 1]) {
                    falseEntries++;
                    figures[1]++;
                    LocalDate day = replay.day(i);
                    if (holidays.stream()
                            .anyMatch(h -> h.covers(day) || h.covers(day.minusDays(7)))) {
                        holidayEntries++;
                    }
                }
            }
        }
        double weeks = (replay.days() - start) / 7.0;
        double months = (replay.days() - start) / 30.0;
        Map<String, PatternFigures> byPattern = new TreeMap<>();
        patterns.forEach(
                (name, f) ->
                        byPattern.put(
                                name,
                                new PatternFigures(
                                        f[0], f[1], f[0] == 0 ? 0 : f[1] / (f[0] * months))));
        int churned = leads.size();
        return new BacktestReport(
                replay.modelVersion(),
                from,
                to,
                churned,
                share(leads, 7),
                share(leads, 14),
                share(leads, 30),
                median(leads),
                retained,
                managers.size(),
                weeks,
                falseEntries,
                managers.isEmpty() || weeks == 0 ? 0 : falseEntries / (managers.size() * weeks),
                byPattern,
                holidayEntries,
                rules(replay.alertChanges(), accounts),
                missed,
                examples);
    }

    /** Days between the start of the at-risk run that reaches the day before churn, and churn. */
    static int lead(boolean[] atRisk, int churn) {
        int day = Math.min(churn, atRisk.length) - 1;
        if (day < 0 || !atRisk[day]) {
            return 0;
        }
        int startOfRun = day;
        while (startOfRun > 0 && atRisk[startOfRun - 1]) {
            startOfRun--;
        }
        return churn - startOfRun;
    }

    private static Map<String, RuleFigures> rules(
            List<Alert> changes, Map<String, Account> accounts) {
        Map<String, int[]> figures = new TreeMap<>();
        Map<String, Set<String>> caught = new HashMap<>();
        for (Alert alert : changes) {
            if (alert.state() != AlertState.FIRING || alert.firedAt() == null) {
                continue;
            }
            if (alert.lastEvaluatedAt() != null
                    && !alert.lastEvaluatedAt().equals(alert.firedAt())) {
                continue; // a later change of a firing alert (snooze end), not a new firing
            }
            int[] f = figures.computeIfAbsent(alert.ruleId(), r -> new int[2]);
            f[0]++;
            Account account = accounts.get(alert.tenantId());
            LocalDate fired = LocalDate.ofInstant(alert.firedAt(), java.time.ZoneOffset.UTC);
            if (account != null
                    && account.churned()
                    && account.churnedAt() != null
                    && !account.churnedAt().isBefore(fired)
                    && !account.churnedAt().isAfter(fired.plusDays(RULE_HORIZON_DAYS))) {
                f[1]++;
                caught.computeIfAbsent(alert.ruleId(), r -> new HashSet<>()).add(alert.tenantId());
            }
        }
        Map<String, RuleFigures> rules = new TreeMap<>();
        figures.forEach(
                (rule, f) ->
                        rules.put(
                                rule,
                                new RuleFigures(
                                        f[0],
                                        f[1],
                                        f[0] == 0 ? null : (double) f[1] / f[0],
                                        caught.getOrDefault(rule, Set.of()).size())));
        return rules;
    }

    /** The account's labels as a short phrase: "fade, late-collapse over 35 days". */
    private static String label(Account account) {
        Map<String, String> a = account.attributes();
        String shape = a.get("fadeShape");
        String days = a.get("fadeDays");
        return pattern(account)
                + (shape == null ? "" : ", " + shape)
                + (days == null ? "" : " over " + days + " days");
    }

    private static String pattern(Account account) {
        return account.attributes().getOrDefault("pattern", "unlabelled");
    }

    private static double share(List<Integer> leads, int days) {
        if (leads.isEmpty()) {
            return 0;
        }
        return leads.stream().filter(lead -> lead >= days).count() / (double) leads.size();
    }

    private static double median(List<Integer> leads) {
        if (leads.isEmpty()) {
            return 0;
        }
        int[] sorted = leads.stream().mapToInt(Integer::intValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
