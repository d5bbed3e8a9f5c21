package dev.pulse.access.reports;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.portfolio.PortfolioRanking;
import dev.pulse.access.reports.PortfolioReport.Line;
import dev.pulse.access.summary.GroupSummary;
import dev.pulse.access.summary.Summaries;
import dev.pulse.access.summary.TenantPeriod;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The arithmetic of a portfolio report over per-account periods already read. */
final class PortfolioReportBuilder {
    /** Accounts in each of the top and bottom lists. */
    static final int RANKED = 10;

    private static final Comparator<Line> BY_SCORE =
            Comparator.comparingDouble((Line line) -> line.score()).thenComparing(Line::tenantId);

    /** The portfolio's one order, riskiest first. */
    private static final Comparator<TenantPeriod> RISKIEST_FIRST =
            Comparator.comparing(
                    (TenantPeriod p) -> new PortfolioEntry(p.account(), p.end()),
                    PortfolioRanking.RISKIEST_FIRST);

    private PortfolioReportBuilder() {}

    static PortfolioReport build(
            PortfolioSelection selection,
            ReportPeriod period,
            Instant asOf,
            List<TenantPeriod> periods) {
        Map<String, List<TenantPeriod>> byOwner = new TreeMap<>();
        for (TenantPeriod p : periods) {
            String owner =
                    p.account().owner() == null ? GroupSummary.UNASSIGNED : p.account().owner();
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(p);
        }
        List<GroupSummary> owners = new ArrayList<>();
        byOwner.forEach((owner, group) -> owners.add(Summaries.group(owner, group)));
        List<Line> lines =
                periods.stream().sorted(RISKIEST_FIRST).map(PortfolioReportBuilder::line).toList();
        List<Line> scored = lines.stream().filter(l -> l.score() != null).toList();
        return new PortfolioReport(
                selection,
                period,
                asOf,
                Summaries.group(null, periods),
                owners,
                lines,
                scored.stream().sorted(BY_SCORE.reversed()).limit(RANKED).toList(),
                scored.stream().sorted(BY_SCORE).limit(RANKED).toList(),
                lines.stream()
                        .filter(l -> l.band() == Band.AT_RISK)
                        .sorted(
                                Comparator.comparing(
                                        Line::renewalDate,
                                        Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
                        .toList());
    }

    private static Line line(TenantPeriod p) {
        Account account = p.account();
        return new Line(
                account.tenantId(),
                account.name() == null ? account.tenantId() : account.name(),
                account.owner(),
                account.team(),
                p.end() == null ? null : p.end().score(),
                p.end() == null ? null : p.end().band(),
                p.start() == null ? null : p.start().band(),
                p.change(),
                account.arr(),
                account.renewalDate());
    }
}
