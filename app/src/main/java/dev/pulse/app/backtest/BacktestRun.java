package dev.pulse.app.backtest;

import dev.pulse.app.portfolio.LabelledPortfolio;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthModel;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One model over one history: the replay, then the report, with progress on the way. */
public final class BacktestRun {
    private final BacktestReplay replay;
    private final HealthModel model;

    public BacktestRun(BacktestReplay replay, HealthModel model) {
        this.replay = replay;
        this.model = model;
    }

    /**
     * @param progress where progress goes
     * @param explanations where the days of tenants the replay was asked to explain go
     */
    public BacktestReport report(
            BacktestInput input, PrintWriter progress, PrintWriter explanations) {
        LocalDate from = input.engagement().firstDay();
        LocalDate to = input.engagement().lastDay();
        if (from == null) {
            throw new IllegalArgumentException(input.description() + " holds no events");
        }
        int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        long started = System.nanoTime();
        ReplayResult result =
                replay.run(
                        input.engagement(),
                        input.accounts(),
                        from,
                        to,
                        percent -> {
                            progress.printf("  %s: %d%% scored%n", model.version(), percent);
                            progress.flush();
                        });
        progress.printf(
                "  %s: %d days of %d tenants scored in %.1f s%n",
                model.version(),
                days,
                result.tenants().size(),
                (System.nanoTime() - started) / 1e9);
        result.explanations()
                .forEach(
                        (tenant, lines) -> {
                            explanations.println(tenant + " under " + model.version() + ":");
                            lines.forEach(line -> explanations.println("  " + line));
                        });
        return BacktestReport.of(
                result, input.accounts(), model.riskModel().minHistoryDays(), input.holidays());
    }

    /** A generated portfolio as a backtest input: its events counted, its outcomes and holidays. */
    public static BacktestInput fromPortfolio(String description, LabelledPortfolio portfolio) {
        DailyEngagement engagement = new DailyEngagement();
        portfolio.forEachEvent(engagement::add);
        Map<String, Account> accounts = new LinkedHashMap<>();
        portfolio.accounts().forEach(account -> accounts.put(account.tenantId(), account));
        return new BacktestInput(description, engagement, accounts, portfolio.holidays(), 0);
    }

    public static void printTable(PrintWriter out, List<BacktestReport> reports) {
        BacktestTable.print(out, reports);
    }
}
