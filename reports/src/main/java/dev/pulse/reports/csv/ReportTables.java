package dev.pulse.reports.csv;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.summary.GroupSummary;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.util.ArrayList;
import java.util.List;

/** The tables of a report's CSV export, one file each. */
public final class ReportTables {
    private ReportTables() {}

    public static List<CsvTable> of(AccountReview r) {
        List<CsvTable> tables = new ArrayList<>();
        HealthScore current = r.current();
        tables.add(
                CsvTable.named(
                                "account.csv",
                                "tenant_id",
                                "name",
                                "owner",
                                "team",
                                "plan",
                                "arr",
                                "renewal_date",
                                "period_from",
                                "period_to",
                                "score",
                                "band",
                                "change",
                                "licensed_seats",
                                "active_users_30d",
                                "seat_utilisation",
                                "as_of")
                        .row(
                                r.tenantId(),
                                r.name(),
                                r.owner(),
                                r.team(),
                                r.plan(),
                                r.arr(),
                                r.renewalDate(),
                                r.period().firstDay(),
                                r.period().lastDay(),
                                current == null ? null : current.score(),
                                current == null ? null : current.band().label(),
                                r.change(),
                                r.seats().licensed(),
                                r.seats().activeUsers(),
                                r.seats().utilisation(),
                                r.asOf())
                        .build());
        CsvTable.Builder history = CsvTable.named("score-history.csv", "day", "score", "band");
        r.history().forEach(d -> history.row(d.day(), d.score(), d.band().label()));
        tables.add(history.build());
        CsvTable.Builder contributions =
                CsvTable.named(
                        "contributions.csv",
                        "measure",
                        "label",
                        "points_now",
                        "points_at_start",
                        "change",
                        "explanation");
        r.contributions()
                .forEach(
                        c ->
                                contributions.row(
                                        c.measure(),
                                        c.label(),
                                        c.now(),
                                        c.atStart(),
                                        c.change(),
                                        c.explanation()));
        tables.add(contributions.build());
        CsvTable.Builder usage =
                CsvTable.named(
                        "usage.csv",
                        "day",
                        "active_users",
                        "events",
                        "features_used",
                        "features_adopted");
        r.usage()
                .forEach(
                        u ->
                                usage.row(
                                        u.day(),
                                        u.activeUsers(),
                                        u.events(),
                                        u.featuresUsed(),
                                        u.featuresAdopted()));
        tables.add(usage.build());
        CsvTable.Builder actions = CsvTable.named("key-actions.csv", "event_type", "events");
        r.keyActions().forEach(c -> actions.row(c.name(), c.count()));
        tables.add(actions.build());
        CsvTable.Builder features = CsvTable.named("features.csv", "feature", "uses");
        r.featuresAdopted().forEach(c -> features.row(c.name(), c.count()));
        tables.add(features.build());
        tables.add(alerts(r.alerts()));
        tables.add(followUps(r.followUps()));
        CsvTable.Builder summary = CsvTable.named("summary.csv", "sentence");
        r.summary().forEach(summary::row);
        tables.add(summary.build());
        return tables;
    }

    public static List<CsvTable> of(PortfolioReport r) {
        List<CsvTable> tables = new ArrayList<>();
        CsvTable.Builder groups =
                CsvTable.named(
                        "owners.csv",
                        "owner",
                        "accounts",
                        "scored",
                        "average_score",
                        "average_change",
                        "healthy",
                        "neutral",
                        "at_risk",
                        "healthy_at_start",
                        "neutral_at_start",
                        "at_risk_at_start",
                        "events",
                        "active_users",
                        "arr",
                        "arr_at_risk");
        group(groups, "all", r.overall());
        r.owners().forEach(g -> group(groups, g.owner(), g));
        tables.add(groups.build());
        tables.add(lines("accounts.csv", r.accounts()));
        tables.add(lines("top.csv", r.top()));
        tables.add(lines("bottom.csv", r.bottom()));
        tables.add(lines("at-risk.csv", r.atRisk()));
        return tables;
    }

    private static void group(CsvTable.Builder table, String owner, GroupSummary g) {
        table.row(
                owner,
                g.accounts(),
                g.scored(),
                g.averageScore(),
                g.averageChange(),
                g.bands().healthy(),
                g.bands().neutral(),
                g.bands().atRisk(),
                g.bandsAtStart().healthy(),
                g.bandsAtStart().neutral(),
                g.bandsAtStart().atRisk(),
                g.events(),
                g.activeUsers(),
                g.arr(),
                g.arrAtRisk());
    }

    private static CsvTable lines(String name, List<PortfolioReport.Line> lines) {
        CsvTable.Builder table =
                CsvTable.named(
                        name,
                        "tenant_id",
                        "name",
                        "owner",
                        "team",
                        "score",
                        "band",
                        "band_at_start",
                        "change",
                        "arr",
                        "renewal_date");
        for (PortfolioReport.Line l : lines) {
            table.row(
                    l.tenantId(),
                    l.name(),
                    l.owner(),
                    l.team(),
                    l.score(),
                    label(l.band()),
                    label(l.bandAtStart()),
                    l.change(),
                    l.arr(),
                    l.renewalDate());
        }
        return table.build();
    }

    private static CsvTable alerts(List<AlertTransition> alerts) {
        CsvTable.Builder table =
                CsvTable.named(
                        "alerts.csv", "at", "rule", "kind", "severity", "state", "explanation");
        for (AlertTransition a : alerts) {
            table.row(
                    a.at(),
                    a.ruleId(),
                    a.kind() == null ? null : a.kind().label(),
                    a.severity() == null ? null : a.severity().label(),
                    a.state() == null ? null : a.state().label(),
                    a.explanation());
        }
        return table.build();
    }

    private static CsvTable followUps(List<FollowUp> followUps) {
        CsvTable.Builder table =
                CsvTable.named(
                        "follow-ups.csv",
                        "created_at",
                        "title",
                        "status",
                        "owner",
                        "due_date",
                        "updated_at");
        for (FollowUp f : followUps) {
            table.row(
                    f.createdAt(),
                    f.title(),
                    f.status().label(),
                    f.owner(),
                    f.dueDate(),
                    f.updatedAt());
        }
        return table.build();
    }

    private static String label(Band band) {
        return band == null ? null : band.label();
    }
}
