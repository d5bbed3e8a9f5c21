package dev.pulse.access.summary;

import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The arithmetic of the summary, over per-account figures already read. */
final class SummaryCalculator {
    static final String UNASSIGNED = GroupSummary.UNASSIGNED;

    private static final Comparator<TenantPeriod> BY_END_SCORE =
            Comparator.comparingDouble((TenantPeriod p) -> p.end().score())
                    .thenComparing(p -> p.account().tenantId());

    private SummaryCalculator() {}

    static SummaryReport summarize(
            List<TenantPeriod> periods, int n, Instant from, Instant to, Instant asOf) {
        Map<String, List<TenantPeriod>> byOwner = new TreeMap<>();
        for (TenantPeriod period : periods) {
            String owner = period.account().owner() == null ? UNASSIGNED : period.account().owner();
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(period);
        }
        List<GroupSummary> owners = new ArrayList<>();
        byOwner.forEach((owner, group) -> owners.add(group(owner, group)));
        List<TenantPeriod> scored = periods.stream().filter(p -> p.end() != null).toList();
        return new SummaryReport(
                from,
                to,
                asOf,
                group(null, periods),
                owners,
                scored.stream()
                        .sorted(BY_END_SCORE.reversed())
                        .limit(n)
                        .map(SummaryCalculator::ranked)
                        .toList(),
                scored.stream()
                        .sorted(BY_END_SCORE)
                        .limit(n)
                        .map(SummaryCalculator::ranked)
                        .toList(),
                periods.stream().map(p -> p.account().tenantId()).toList());
    }

    static GroupSummary group(String owner, List<TenantPeriod> periods) {
        int scored = 0;
        double scoreSum = 0;
        int changed = 0;
        double changeSum = 0;
        long events = 0;
        long activeUsers = 0;
        BandTally endBands = new BandTally();
        BandTally startBands = new BandTally();
        double arr = 0;
        double arrAtRisk = 0;
        for (TenantPeriod period : periods) {
            HealthScore end = period.end();
            double accountArr = period.account().arr() == null ? 0 : period.account().arr();
            arr += accountArr;
            if (end != null) {
                scored++;
                scoreSum += end.score();
                endBands.add(end.band());
                if (end.band() == Band.AT_RISK) {
                    arrAtRisk += accountArr;
                }
            }
            if (period.start() != null) {
                startBands.add(period.start().band());
            }
            Double change = period.change();
            if (change != null) {
                changed++;
                changeSum += change;
            }
            if (period.totals() != null) {
                events += period.totals().events();
                activeUsers += period.totals().activeUsers();
            }
        }
        return new GroupSummary(
                owner,
                periods.size(),
                scored,
                scored == 0 ? null : oneDecimal(scoreSum / scored),
                endBands.counts(),
                changed == 0 ? null : oneDecimal(changeSum / changed),
                events,
                activeUsers,
                startBands.counts(),
                arr,
                arrAtRisk);
    }

    /** Counts accounts per band. */
    private static final class BandTally {
        private int healthy;
        private int neutral;
        private int atRisk;

        void add(Band band) {
            switch (band) {
                case HEALTHY -> healthy++;
                case NEUTRAL -> neutral++;
                case AT_RISK -> atRisk++;
            }
        }

        BandCounts counts() {
            return new BandCounts(healthy, neutral, atRisk);
        }
    }

    private static RankedAccount ranked(TenantPeriod period) {
        Double change = period.change();
        return new RankedAccount(
                period.account().tenantId(),
                period.account().name(),
                period.account().owner(),
                period.end().score(),
                period.end().band(),
                change == null ? null : oneDecimal(change),
                new RankedAccount.Links("/v1/accounts/" + period.account().tenantId()));
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
