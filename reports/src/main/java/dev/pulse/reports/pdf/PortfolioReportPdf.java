package dev.pulse.reports.pdf;

import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.reports.PortfolioReport.Line;
import dev.pulse.access.summary.BandCounts;
import dev.pulse.access.summary.GroupSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A portfolio (executive) report as a PDF: aggregates, the band distribution at both ends, top and
 * bottom accounts, accounts at risk with renewals and ARR, then one table per account manager.
 */
public final class PortfolioReportPdf {
    public byte[] render(PortfolioReport r) throws IOException {
        String title = "Portfolio report: " + r.selection().describe();
        try (PageFlow page =
                new PageFlow(title, "Pulse portfolio report · " + r.period().label())) {
            page.title(title, r.period().label());
            GroupSummary all = r.overall();
            BandCounts change = r.bandChange();
            page.facts(
                    List.of(
                            new String[] {"Accounts", Integer.toString(all.accounts())},
                            new String[] {"Account managers", Integer.toString(r.owners().size())},
                            new String[] {"Average score", Numbers.score(all.averageScore())},
                            new String[] {"Average change", Numbers.change(all.averageChange())},
                            new String[] {"ARR", Numbers.money(all.arr())},
                            new String[] {"ARR at risk", Numbers.money(all.arrAtRisk())},
                            new String[] {
                                "Bands now",
                                bands(all.bands())
                                        + " (change: "
                                        + signed(change.healthy())
                                        + " / "
                                        + signed(change.neutral())
                                        + " / "
                                        + signed(change.atRisk())
                                        + ")"
                            },
                            new String[] {"Bands at start", bands(all.bandsAtStart())},
                            new String[] {"Prepared", r.asOf().toString()}));
            page.heading("Band distribution");
            page.chart(Charts.bands(all.bandsAtStart(), all.bands()), 160);
            page.heading("Top accounts");
            page.table(lineColumns(), rows(r.top()));
            page.heading("Bottom accounts");
            page.table(lineColumns(), rows(r.bottom()));
            page.heading("Accounts at risk");
            if (r.atRisk().isEmpty()) {
                page.paragraph("None.");
            } else {
                page.table(lineColumns(), rows(r.atRisk()));
            }
            page.heading("By account manager");
            page.table(
                    List.of(
                            Column.text("Account manager", 4),
                            Column.number("Accounts", 1.3f),
                            Column.number("Avg score", 1.3f),
                            Column.number("Avg change", 1.3f),
                            Column.number("At risk", 1.2f),
                            Column.number("ARR", 2),
                            Column.number("ARR at risk", 2)),
                    owners(r.owners()));
            for (GroupSummary owner : r.owners()) {
                page.heading(owner.owner());
                page.table(lineColumns(), rows(r.accountsOf(owner.owner())));
            }
            return page.finish();
        }
    }

    private static List<Column> lineColumns() {
        return List.of(
                Column.text("Account", 4),
                Column.text("Owner", 3.4f),
                Column.number("Score", 1.1f),
                Column.text("Band", 1.3f),
                Column.number("Change", 1.2f),
                Column.number("ARR", 1.6f),
                Column.text("Renewal", 1.7f));
    }

    private static List<List<String>> rows(List<Line> lines) {
        List<List<String>> rows = new ArrayList<>(lines.size());
        for (Line l : lines) {
            rows.add(
                    List.of(
                            l.name(),
                            Numbers.text(l.owner()),
                            Numbers.score(l.score()),
                            l.band() == null ? "–" : l.band().label().replace('_', ' '),
                            Numbers.change(l.change()),
                            Numbers.money(l.arr()),
                            Numbers.text(l.renewalDate())));
        }
        return rows;
    }

    private static List<List<String>> owners(List<GroupSummary> owners) {
        List<List<String>> rows = new ArrayList<>(owners.size());
        for (GroupSummary g : owners) {
            rows.add(
                    List.of(
                            g.owner(),
                            Integer.toString(g.accounts()),
                            Numbers.score(g.averageScore()),
                            Numbers.change(g.averageChange()),
                            Integer.toString(g.bands().atRisk()),
                            Numbers.money(g.arr()),
                            Numbers.money(g.arrAtRisk())));
        }
        return rows;
    }

    private static String bands(BandCounts b) {
        return b.healthy() + " healthy / " + b.neutral() + " neutral / " + b.atRisk() + " at risk";
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }
}
