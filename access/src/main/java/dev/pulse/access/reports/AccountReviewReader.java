package dev.pulse.access.reports;

import dev.pulse.access.reports.AccountReview.ContributionChange;
import dev.pulse.access.reports.AccountReview.Count;
import dev.pulse.access.reports.AccountReview.DailyScore;
import dev.pulse.access.reports.AccountReview.SeatUtilisation;
import dev.pulse.access.reports.AccountReview.UsageDay;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one account's review through a scope-checked reader: the directory record, scores at both
 * ends and every day between, daily engagement, alert changes and follow-ups. Seven reads whatever
 * the period's length.
 */
final class AccountReviewReader {
    private static final int SEAT_WINDOW_DAYS = 30;

    private final TenantStateReader reader;

    AccountReviewReader(TenantStateReader reader) {
        this.reader = reader;
    }

    /** Empty when the tenant is neither in the directory nor scored. */
    Optional<AccountReview> read(String tenantId, ReportPeriod period, Instant now) {
        Account account = reader.account(tenantId).orElse(null);
        HealthScore currentNow = reader.currentScore(tenantId).orElse(null);
        if (account == null && currentNow == null) {
            return Optional.empty();
        }
        Instant today = UtcDays.startOfDay(now);
        Instant dayBefore = UtcDays.startOf(period.firstDay().minusDays(1));
        List<HealthScore> daily = reader.dailyScores(tenantId, dayBefore, period.to());
        HealthScore start =
                daily.isEmpty() || !UtcDays.dayClosedBy(daily.get(0)).isBefore(period.firstDay())
                        ? null
                        : daily.get(0);
        List<HealthScore> inPeriod = start == null ? daily : daily.subList(1, daily.size());
        HealthScore end =
                period.to().isAfter(today) && currentNow != null
                        ? currentNow
                        : inPeriod.isEmpty() ? null : inPeriod.get(inPeriod.size() - 1);
        List<EngagementPoint> engagement =
                reader.engagement(tenantId, Granularity.DAY, period.from(), period.to());
        LocalDate seatsFrom = seatWindowStart(period);
        EngagementTotals seatWindow =
                reader.engagementTotals(tenantId, UtcDays.startOf(seatsFrom), period.to());
        Long licensed = account == null ? null : account.licensedSeats();
        return Optional.of(
                new AccountReview(
                        tenantId,
                        account == null || account.name() == null ? tenantId : account.name(),
                        account == null ? null : account.owner(),
                        account == null ? null : account.team(),
                        account == null ? null : account.plan(),
                        account == null ? null : account.arr(),
                        account == null ? null : account.renewalDate(),
                        period,
                        now,
                        end,
                        end == null || start == null ? null : end.score() - start.score(),
                        history(inPeriod, end, period),
                        contributions(end, start),
                        usage(engagement, period),
                        counts(engagement, true),
                        counts(engagement, false),
                        new SeatUtilisation(
                                licensed,
                                seatWindow.activeUsers(),
                                licensed == null || licensed == 0
                                        ? null
                                        : (double) seatWindow.activeUsers() / licensed,
                                seatsFrom,
                                period.lastDay()),
                        reader.alertHistory(tenantId, period.from(), period.to()),
                        followUps(reader.followUps(tenantId), period),
                        List.of()));
    }

    private static LocalDate seatWindowStart(ReportPeriod period) {
        LocalDate window = period.lastDay().minusDays(SEAT_WINDOW_DAYS - 1L);
        return window.isBefore(period.firstDay()) ? period.firstDay() : window;
    }

    private static List<DailyScore> history(
            List<HealthScore> inPeriod, HealthScore end, ReportPeriod period) {
        List<DailyScore> days = new ArrayList<>(inPeriod.size() + 1);
        for (HealthScore score : inPeriod) {
            days.add(new DailyScore(UtcDays.dayClosedBy(score), score.score(), score.band()));
        }
        if (end != null && (inPeriod.isEmpty() || end != inPeriod.get(inPeriod.size() - 1))) {
            LocalDate day = UtcDays.dayOf(end.asOf().minusMillis(1));
            if (day.isAfter(period.lastDay())) {
                day = period.lastDay();
            }
            if (days.isEmpty() || day.isAfter(days.get(days.size() - 1).day())) {
                days.add(new DailyScore(day, end.score(), end.band()));
            }
        }
        return days;
    }

    static List<ContributionChange> contributions(HealthScore end, HealthScore start) {
        if (end == null) {
            return List.of();
        }
        Map<String, Contribution> before = new HashMap<>();
        if (start != null) {
            start.contributions().forEach(c -> before.put(c.measure(), c));
        }
        Comparator<ContributionChange> largestChangeFirst =
                Comparator.comparingDouble(
                        (ContributionChange c) -> c.change() == null ? -1 : Math.abs(c.change()));
        return end.contributions().stream()
                .map(
                        c -> {
                            Contribution old = before.get(c.measure());
                            return new ContributionChange(
                                    c.measure(),
                                    c.label(),
                                    c.points() == null ? null : c.contribution(),
                                    old == null || old.points() == null ? null : old.contribution(),
                                    c.explanation());
                        })
                .sorted(largestChangeFirst.reversed().thenComparing(ContributionChange::measure))
                .toList();
    }

    private static List<UsageDay> usage(List<EngagementPoint> points, ReportPeriod period) {
        Map<LocalDate, EngagementPoint> byDay = new HashMap<>();
        points.forEach(p -> byDay.put(UtcDays.dayOf(p.start()), p));
        Set<String> adopted = new HashSet<>();
        List<UsageDay> days = new ArrayList<>();
        for (LocalDate day = period.firstDay();
                !day.isAfter(period.lastDay());
                day = day.plusDays(1)) {
            EngagementPoint point = byDay.get(day);
            if (point == null) {
                days.add(new UsageDay(day, 0, 0, 0, adopted.size()));
            } else {
                adopted.addAll(point.features().keySet());
                days.add(
                        new UsageDay(
                                day,
                                point.activeUsers(),
                                point.events(),
                                point.features().size(),
                                adopted.size()));
            }
        }
        return days;
    }

    /** Event types (or features) summed over the period, largest first. */
    private static List<Count> counts(List<EngagementPoint> points, boolean types) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (EngagementPoint point : points) {
            (types ? point.byType() : point.features())
                    .forEach((k, v) -> sums.merge(k, v, Long::sum));
        }
        return sums.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(
                        Comparator.comparingLong(Count::count)
                                .reversed()
                                .thenComparing(Count::name))
                .toList();
    }

    private static List<FollowUp> followUps(List<FollowUp> all, ReportPeriod period) {
        return all.stream()
                .filter(
                        f ->
                                f.createdAt().isBefore(period.to())
                                        && (!f.status().isClosed()
                                                || !f.updatedAt().isBefore(period.from())))
                .sorted(Comparator.comparing(FollowUp::createdAt).thenComparing(FollowUp::id))
                .toList();
    }
}
