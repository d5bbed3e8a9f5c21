package dev.pulse.access.reports;

import dev.pulse.access.summary.BandCounts;
import dev.pulse.access.summary.GroupSummary;
import dev.pulse.topologies.health.Band;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio or executive report over a period: aggregates, how the bands moved, the best and
 * worst accounts, one table per account manager and the accounts at risk.
 *
 * @param overall aggregates of every account selected ({@link GroupSummary#owner()} null)
 * @param owners one group per account manager, by e-mail
 * @param accounts every account selected, riskiest first
 * @param top the highest scores at the end of the period
 * @param bottom the lowest
 * @param atRisk accounts that end the period at risk, soonest renewal first
 */
public record PortfolioReport(
        PortfolioSelection selection,
        ReportPeriod period,
        Instant asOf,
        GroupSummary overall,
        List<GroupSummary> owners,
        List<Line> accounts,
        List<Line> top,
        List<Line> bottom,
        List<Line> atRisk) {

    /** Accounts per band at the end minus at the start. */
    public BandCounts bandChange() {
        BandCounts end = overall.bands();
        BandCounts start = overall.bandsAtStart();
        return new BandCounts(
                end.healthy() - start.healthy(),
                end.neutral() - start.neutral(),
                end.atRisk() - start.atRisk());
    }

    /** The lines of one owner's accounts, riskiest first. */
    public List<Line> accountsOf(String owner) {
        return accounts.stream().filter(line -> owner.equals(line.ownerOrUnassigned())).toList();
    }

    /**
     * One account in the report.
     *
     * @param score at the end of the period; null when not scored
     * @param change end score minus the score of the day before the period; null unless both exist
     */
    public record Line(
            String tenantId,
            String name,
            String owner,
            String team,
            Double score,
            Band band,
            Band bandAtStart,
            Double change,
            Double arr,
            LocalDate renewalDate) {

        /** The owner, or "unassigned" as the per-owner groups name accounts without one. */
        public String ownerOrUnassigned() {
            return owner == null ? GroupSummary.UNASSIGNED : owner;
        }
    }
}
