package dev.pulse.app.backtest;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** Renders one or more backtest reports side by side as a plain-text table. */
final class BacktestTable {
    private BacktestTable() {}

    static void print(PrintWriter out, List<BacktestReport> reports) {
        BacktestReport first = reports.get(0);
        out.printf(
                Locale.ROOT,
                "Evaluated %s to %s (%.1f weeks after the warm-up), %d churned and %d retained"
                        + " accounts, %d account managers%n%n",
                first.evaluatedFrom(),
                first.evaluatedTo(),
                first.weeks(),
                first.churned(),
                first.retained(),
                first.accountManagers());
        row(out, "model", reports, BacktestReport::model);
        out.println("churned accounts");
        row(out, "  flagged >= 7 days ahead", reports, r -> pct(r.flagged7()));
        row(
                out,
                "  flagged >= 14 days ahead",
                reports,
                r -> pct(r.flagged14()) + target(r.flagged14() >= 0.9, ">= 90%"));
        row(out, "  flagged >= 30 days ahead", reports, r -> pct(r.flagged30()));
        row(
                out,
                "  median lead (days)",
                reports,
                r -> num(r.medianLeadDays()) + target(r.medianLeadDays() >= 21, ">= 21"));
        out.println("retained accounts");
        row(out, "  false at-risk entries", reports, r -> Integer.toString(r.falseEntries()));
        row(
                out,
                "  per manager per week",
                reports,
                r ->
                        String.format(Locale.ROOT, "%.2f", r.falsePerManagerWeek())
                                + target(r.falsePerManagerWeek() <= 1, "<= 1"));
        row(
                out,
                "  in or right after a holiday",
                reports,
                r -> Integer.toString(r.holidayEntries()));
        TreeSet<String> patterns = new TreeSet<>();
        reports.forEach(r -> patterns.addAll(r.byPattern().keySet()));
        for (String pattern : patterns) {
            row(
                    out,
                    "    " + pattern,
                    reports,
                    r -> {
                        BacktestReport.PatternFigures f = r.byPattern().get(pattern);
                        return f == null
                                ? "-"
                                : String.format(
                                        Locale.ROOT,
                                        "%d in %d (%.2f/acct/month)",
                                        f.falseEntries(),
                                        f.accounts(),
                                        f.perAccountMonth());
                    });
        }
        TreeSet<String> rules = new TreeSet<>();
        reports.forEach(r -> rules.addAll(r.rules().keySet()));
        if (!rules.isEmpty()) {
            out.println(
                    "alert rules (fired; share whose account churned within "
                            + BacktestReport.RULE_HORIZON_DAYS
                            + " days)");
        }
        for (String rule : rules) {
            row(
                    out,
                    "  " + rule,
                    reports,
                    r -> {
                        BacktestReport.RuleFigures f = r.rules().get(rule);
                        return f == null
                                ? "-"
                                : f.fired()
                                        + " fired, "
                                        + (f.precision() == null ? "-" : pct(f.precision()))
                                        + " precise";
                    });
        }
        for (BacktestReport report : reports) {
            if (!report.exampleReasons().isEmpty()) {
                out.println();
                out.println("Why, in " + report.model() + "'s words:");
                report.exampleReasons().forEach(reason -> out.println("  " + reason));
            }
            if (!report.missedChurners().isEmpty()) {
                out.println(
                        "Churners flagged less than 14 days ahead under "
                                + report.model()
                                + ": "
                                + String.join(", ", report.missedChurners()));
            }
        }
        out.flush();
    }

    private static void row(
            PrintWriter out,
            String label,
            List<BacktestReport> reports,
            Function<BacktestReport, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-32s", label));
        for (BacktestReport report : reports) {
            line.append(String.format(Locale.ROOT, " %-30s", cell.apply(report)));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String num(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String target(boolean met, String target) {
        return " (target " + target + (met ? ", met)" : ", missed)");
    }
}
