package dev.pulse.access.reports;

import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One account's business review over a period: what renderers turn into a PDF or CSV files.
 *
 * @param name the directory name, or the tenant id when the account is not in the directory
 * @param current the score at the end of the period (the current score when the period reaches
 *     today); null when never scored
 * @param history end-of-day scores of the period, oldest first, then the current score's day
 * @param contributions each measure now and at the start, largest change first
 * @param usage one row per day of the period, days without activity included
 * @param keyActions event types by count over the period, largest first
 * @param featuresAdopted features used in the period, most used first
 * @param alerts alert state changes dated in the period, oldest first
 * @param followUps follow-ups created or changed in the period, or still open
 * @param summary sentences a customer can read, built from the figures by rules
 */
@RecordBuilder
public record AccountReview(
        String tenantId,
        String name,
        String owner,
        String team,
        String plan,
        Double arr,
        LocalDate renewalDate,
        ReportPeriod period,
        Instant asOf,
        HealthScore current,
        Double change,
        List<DailyScore> history,
        List<ContributionChange> contributions,
        List<UsageDay> usage,
        List<Count> keyActions,
        List<Count> featuresAdopted,
        SeatUtilisation seats,
        List<AlertTransition> alerts,
        List<FollowUp> followUps,
        List<String> summary) {

    /** The same review with the summary {@link ReviewNarrative} writes from its figures. */
    public AccountReview withWrittenSummary() {
        return AccountReviewBuilder.builder(this)
                .summary(List.copyOf(ReviewNarrative.of(this)))
                .build();
    }

    /** The end-of-day score of one day. */
    public record DailyScore(LocalDate day, double score, Band band) {}

    /**
     * One measure's share of the score at both ends of the period.
     *
     * @param now points the measure adds at the end; null when it had no data
     * @param atStart points it added at the start; null without a start score
     */
    public record ContributionChange(
            String measure, String label, Double now, Double atStart, String explanation) {
        /** Points gained (negative: lost) over the period; null unless both ends are known. */
        public Double change() {
            return now == null || atStart == null ? null : now - atStart;
        }
    }

    /**
     * Usage on one day.
     *
     * @param featuresAdopted distinct features used from the first day of the period to this one
     */
    public record UsageDay(
            LocalDate day, long activeUsers, long events, int featuresUsed, int featuresAdopted) {}

    /** A name and how often it occurred. */
    public record Count(String name, long count) {}

    /**
     * Seats used against seats paid for, over the last 30 days of the period.
     *
     * @param licensed null when the directory does not say
     * @param utilisation active over licensed; null without a licence count
     */
    public record SeatUtilisation(
            Long licensed, long activeUsers, Double utilisation, LocalDate from, LocalDate to) {}
}
