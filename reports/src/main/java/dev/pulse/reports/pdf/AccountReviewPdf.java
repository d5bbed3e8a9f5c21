package dev.pulse.reports.pdf;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.reports.AccountReview.ContributionChange;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's business review as a PDF: cover facts and the written summary, the score chart over
 * its band zones, what moved the score, usage charts and seats, then the period's alerts and
 * follow-ups.
 */
public final class AccountReviewPdf {
    private static final int KEY_ACTIONS = 10;

    private final HealthModel.Bands bands;

    public AccountReviewPdf(HealthModel.Bands bands) {
        this.bands = bands;
    }

    public byte[] render(AccountReview r) throws IOException {
        try (PageFlow page =
                new PageFlow(
                        "Business review: " + r.name(),
                        "Pulse business review · " + r.name() + " · " + r.period().label())) {
            page.title("Business review: " + r.name(), r.period().label());
            HealthScore current = r.current();
            page.facts(
                    List.of(
                            new String[] {"Account", r.name() + " (" + r.tenantId() + ")"},
                            new String[] {"Account manager", Numbers.text(r.owner())},
                            new String[] {"Period", r.period().label()},
                            new String[] {
                                "Health score",
                                current == null
                                        ? "not scored yet"
                                        : Numbers.score(current.score())
                                                + " ("
                                                + current.band().label().replace('_', ' ')
                                                + "), "
                                                + Numbers.change(r.change())
                                                + " over the period"
                            },
                            new String[] {"Plan", Numbers.text(r.plan())},
                            new String[] {"ARR", Numbers.money(r.arr())},
                            new String[] {"Renewal", Numbers.text(r.renewalDate())},
                            new String[] {"Prepared", r.asOf().toString()}));
            page.heading("Summary");
            for (String sentence : r.summary()) {
                page.paragraph(sentence);
            }
            page.heading("Health score");
            page.chart(Charts.score(r, bands.healthy(), bands.atRisk()), 190);
            page.heading("What moved the score");
            page.table(
                    List.of(
                            Column.text("Measure", 3),
                            Column.number("Points now", 1.2f),
                            Column.number("At start", 1.2f),
                            Column.number("Change", 1.2f),
                            Column.text("Why", 5)),
                    contributions(r.contributions()));
            page.heading("Usage");
            page.chart(Charts.usage(r), 170);
            page.chart(Charts.events(r), 120);
            page.paragraph(seats(r.seats()));
            page.table(
                    List.of(Column.text("Key action (event type)", 4), Column.number("Events", 2)),
                    r.keyActions().stream()
                            .limit(KEY_ACTIONS)
                            .map(c -> List.of(c.name(), Long.toString(c.count())))
                            .toList());
            page.paragraph(
                    r.featuresAdopted().isEmpty()
                            ? "No features were used in the period."
                            : "Features used in the period: "
                                    + String.join(
                                            ", ",
                                            r.featuresAdopted().stream()
                                                    .map(AccountReview.Count::name)
                                                    .toList())
                                    + ".");
            page.heading("Alerts in the period");
            if (r.alerts().isEmpty()) {
                page.paragraph("None.");
            } else {
                page.table(
                        List.of(
                                Column.text("When", 2.6f),
                                Column.text("Alert", 2),
                                Column.text("Severity", 1.2f),
                                Column.text("State", 1.2f),
                                Column.text("Explanation", 5)),
                        alerts(r.alerts()));
            }
            page.heading("Follow-ups");
            if (r.followUps().isEmpty()) {
                page.paragraph("None.");
            } else {
                page.table(
                        List.of(
                                Column.text("Created", 1.6f),
                                Column.text("Title", 5),
                                Column.text("Status", 1.2f),
                                Column.text("Owner", 2.5f),
                                Column.text("Due", 1.5f)),
                        followUps(r.followUps()));
            }
            return page.finish();
        }
    }

    private static List<List<String>> contributions(List<ContributionChange> changes) {
        List<List<String>> rows = new ArrayList<>();
        for (ContributionChange c : changes) {
            rows.add(
                    List.of(
                            c.label(),
                            Numbers.score(c.now()),
                            Numbers.score(c.atStart()),
                            Numbers.change(c.change()),
                            Numbers.text(c.explanation())));
        }
        return rows;
    }

    private static String seats(AccountReview.SeatUtilisation s) {
        String window = " (" + s.from() + " to " + s.to() + ")";
        if (s.licensed() == null) {
            return s.activeUsers() + " active users" + window + "; licensed seats unknown.";
        }
        return "Seat utilisation: "
                + s.activeUsers()
                + " active users of "
                + s.licensed()
                + " licensed seats, "
                + Numbers.percent(s.utilisation())
                + window
                + ".";
    }

    private static List<List<String>> alerts(List<AlertTransition> alerts) {
        List<List<String>> rows = new ArrayList<>();
        for (AlertTransition a : alerts) {
            rows.add(
                    List.of(
                            a.at().toString(),
                            Numbers.text(a.ruleId()),
                            a.severity() == null ? "–" : a.severity().label(),
                            a.state() == null ? "–" : a.state().label(),
                            Numbers.text(a.explanation())));
        }
        return rows;
    }

    private static List<List<String>> followUps(List<FollowUp> followUps) {
        List<List<String>> rows = new ArrayList<>();
        for (FollowUp f : followUps) {
            rows.add(
                    List.of(
                            f.createdAt().toString().substring(0, 10),
                            f.title(),
                            f.status().label(),
                            Numbers.text(f.owner()),
                            Numbers.text(f.dueDate())));
        }
        return rows;
    }
}
