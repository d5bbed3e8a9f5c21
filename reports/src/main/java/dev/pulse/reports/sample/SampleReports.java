package dev.pulse.reports.sample;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.reports.AccountReview.ContributionChange;
import dev.pulse.access.reports.AccountReview.Count;
import dev.pulse.access.reports.AccountReview.DailyScore;
import dev.pulse.access.reports.AccountReview.SeatUtilisation;
import dev.pulse.access.reports.AccountReview.UsageDay;
import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.reports.PortfolioReport.Line;
import dev.pulse.access.reports.PortfolioSelection;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.access.summary.BandCounts;
import dev.pulse.access.summary.GroupSummary;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpStatus;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic made-up reports (a seeded random walk): a review of one account over any period and
 * a portfolio of any size. Not data from any store; what the bench renders repeatedly and the
 * documentation shows.
 */
public final class SampleReports {
    private static final String[] MEASURES = {
        "seat_utilisation", "frequency", "depth", "breadth", "trend", "support", "sentiment"
    };
    private static final String[] LABELS = {
        "Seat utilisation",
        "Frequency",
        "Depth",
        "Breadth",
        "Trend",
        "Support friction",
        "Sentiment"
    };
    private static final double[] WEIGHTS = {0.25, 0.2, 0.15, 0.15, 0.1, 0.1, 0.05};
    private static final String[] FEATURES = {
        "dashboards", "exports", "alerts", "api", "sso", "workflows", "reports", "integrations"
    };
    private static final String[] TYPES = {
        "login", "feature_used", "api_call", "ticket_opened", "seat_added", "nps_response"
    };

    private SampleReports() {}

    /** Weighted random points per measure, scaled to add up to {@code score}. */
    private static double[] shares(Random random, double score) {
        double[] points = new double[WEIGHTS.length];
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            points[i] = WEIGHTS[i] * (40 + random.nextInt(60));
            total += points[i];
        }
        for (int i = 0; i < points.length; i++) {
            points[i] = Math.round(points[i] * score / total * 10) / 10.0;
        }
        return points;
    }

    /** A review of {@code name} over the period, as of the period's end. */
    public static AccountReview review(String tenantId, String name, ReportPeriod period) {
        Random random = new Random(tenantId.hashCode());
        List<DailyScore> history = new ArrayList<>();
        List<UsageDay> usage = new ArrayList<>();
        double score = 72;
        long users = 80;
        int adopted = 2;
        for (LocalDate day = period.firstDay();
                !day.isAfter(period.lastDay());
                day = day.plusDays(1)) {
            score = Math.max(5, Math.min(98, score + random.nextGaussian() * 1.2 - 0.08));
            users = Math.max(3, users + Math.round(random.nextGaussian() * 3 - 0.1));
            if (adopted < FEATURES.length && random.nextInt(40) == 0) {
                adopted++;
            }
            history.add(new DailyScore(day, Math.round(score * 10) / 10.0, band(score)));
            usage.add(
                    new UsageDay(
                            day,
                            users,
                            users * 14 + random.nextInt(200),
                            Math.min(adopted, 1 + random.nextInt(adopted)),
                            adopted));
        }
        DailyScore last = history.get(history.size() - 1);
        Instant asOf = period.to();
        List<Contribution> contributions = new ArrayList<>();
        List<ContributionChange> changes = new ArrayList<>();
        // Each end's contributions add up to that end's score, as the health model's do.
        double[] now = shares(random, last.score());
        double[] before = shares(random, history.get(0).score());
        for (int i = 0; i < MEASURES.length; i++) {
            String why = LABELS[i] + " reads " + Math.round(now[i] / WEIGHTS[i]) + " of 100";
            contributions.add(
                    new Contribution(
                            MEASURES[i],
                            LABELS[i],
                            now[i],
                            now[i] / WEIGHTS[i],
                            WEIGHTS[i],
                            now[i],
                            why));
            changes.add(new ContributionChange(MEASURES[i], LABELS[i], now[i], before[i], why));
        }
        changes.sort(
                Comparator.comparingDouble((ContributionChange c) -> Math.abs(c.change()))
                        .reversed());
        HealthScore current =
                new HealthScore(
                        tenantId,
                        last.score(),
                        last.band(),
                        "sample-1",
                        asOf,
                        null,
                        null,
                        contributions,
                        changes.get(0).explanation(),
                        period.from(),
                        asOf,
                        null);
        List<AlertTransition> alerts = new ArrayList<>();
        List<FollowUp> followUps = new ArrayList<>();
        for (int i = 0; i < Math.max(2, history.size() / 30); i++) {
            Instant at =
                    UtcDays.startOf(period.firstDay().plusDays(random.nextInt(history.size())));
            String rule = i % 2 == 0 ? "usage-drop" : "score-drop";
            alerts.add(
                    new AlertTransition(
                            tenantId + "/" + rule,
                            rule,
                            i % 2 == 0 ? AlertKind.USAGE_DROP : AlertKind.SCORE_DROP,
                            Severity.WARNING,
                            i % 3 == 2 ? AlertState.RESOLVED : AlertState.FIRING,
                            at,
                            at,
                            at,
                            null,
                            "Active users fell 35% below the usual level for this weekday",
                            "rules-1",
                            null,
                            null,
                            null,
                            false));
            followUps.add(
                    new FollowUp(
                            "f-" + i,
                            tenantId,
                            null,
                            "Call the champion about adoption of " + FEATURES[i % FEATURES.length],
                            period.lastDay().plusDays(7),
                            i % 3 == 0 ? FollowUpStatus.DONE : FollowUpStatus.OPEN,
                            "sarah.chen@example.com",
                            "sarah.chen@example.com",
                            at,
                            at,
                            null));
        }
        alerts.sort(Comparator.comparing(AlertTransition::at));
        followUps.sort(Comparator.comparing(FollowUp::createdAt));
        Map<String, Long> types = new TreeMap<>();
        for (String type : TYPES) {
            types.put(type, (long) random.nextInt(50_000));
        }
        List<Count> keyActions =
                types.entrySet().stream()
                        .map(e -> new Count(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparingLong(Count::count).reversed())
                        .toList();
        List<Count> features = new ArrayList<>();
        for (int i = 0; i < adopted; i++) {
            features.add(new Count(FEATURES[i], 10_000L - i * 900L));
        }
        long licensed = 120;
        long active = usage.get(usage.size() - 1).activeUsers();
        double change = last.score() - history.get(0).score();
        return new AccountReview(
                        tenantId,
                        name,
                        "sarah.chen@example.com",
                        "EMEA",
                        "enterprise",
                        240_000.0,
                        period.lastDay().plusDays(75),
                        period,
                        asOf,
                        current,
                        Math.round(change * 10) / 10.0,
                        history,
                        changes,
                        usage,
                        keyActions,
                        features,
                        new SeatUtilisation(
                                licensed,
                                active,
                                (double) active / licensed,
                                period.lastDay().minusDays(29),
                                period.lastDay()),
                        alerts,
                        followUps,
                        List.of())
                .withWrittenSummary();
    }

    /** A portfolio of {@code accounts} accounts spread over {@code owners} account managers. */
    public static PortfolioReport portfolio(int accounts, int owners, ReportPeriod period) {
        Random random = new Random(accounts * 31L + owners);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            double score = Math.round(random.nextDouble() * 1000) / 10.0;
            double start = Math.max(0, Math.min(100, score + random.nextGaussian() * 8));
            lines.add(
                    new Line(
                            String.format("tenant-%04d", i),
                            "Customer " + i + " Ltd",
                            "am" + (i % owners) + "@example.com",
                            i % 2 == 0 ? "EMEA" : "Americas",
                            score,
                            band(score),
                            band(start),
                            Math.round((score - start) * 10) / 10.0,
                            20_000.0 + random.nextInt(400_000),
                            period.lastDay().plusDays(random.nextInt(365))));
        }
        lines.sort(
                Comparator.comparingInt((Line l) -> l.band().riskRank())
                        .thenComparingDouble(Line::score));
        Map<String, List<Line>> byOwner = new TreeMap<>();
        lines.forEach(l -> byOwner.computeIfAbsent(l.owner(), o -> new ArrayList<>()).add(l));
        List<GroupSummary> groups = new ArrayList<>();
        byOwner.forEach((owner, group) -> groups.add(group(owner, group)));
        List<Line> byScore =
                lines.stream().sorted(Comparator.comparingDouble(Line::score)).toList();
        return new PortfolioReport(
                PortfolioSelection.all(),
                period,
                period.to(),
                group(null, lines),
                groups,
                lines,
                top(byScore),
                byScore.subList(0, Math.min(10, byScore.size())),
                lines.stream()
                        .filter(l -> l.band() == Band.AT_RISK)
                        .sorted(Comparator.comparing(Line::renewalDate))
                        .toList());
    }

    private static GroupSummary group(String owner, List<Line> lines) {
        int[] end = new int[3];
        int[] start = new int[3];
        double sum = 0;
        double change = 0;
        double arr = 0;
        double arrAtRisk = 0;
        for (Line l : lines) {
            end[l.band().riskRank()]++;
            start[l.bandAtStart().riskRank()]++;
            sum += l.score();
            change += l.change();
            arr += l.arr();
            arrAtRisk += l.band() == Band.AT_RISK ? l.arr() : 0;
        }
        int n = lines.size();
        return new GroupSummary(
                owner,
                n,
                n,
                Math.round(sum / n * 10) / 10.0,
                new BandCounts(end[2], end[1], end[0]),
                Math.round(change / n * 10) / 10.0,
                n * 40_000L,
                n * 60L,
                new BandCounts(start[2], start[1], start[0]),
                arr,
                arrAtRisk);
    }

    private static List<Line> top(List<Line> ascending) {
        List<Line> top =
                new ArrayList<>(
                        ascending.subList(Math.max(0, ascending.size() - 10), ascending.size()));
        java.util.Collections.reverse(top);
        return top;
    }

    private static Band band(double score) {
        return score >= 70 ? Band.HEALTHY : score >= 40 ? Band.NEUTRAL : Band.AT_RISK;
    }
}
