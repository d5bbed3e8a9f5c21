package dev.pulse.access.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * What a portfolio row shows beside the score: the work open on the account and the score's recent
 * course.
 *
 * @param openAlerts alerts firing now (acknowledged and snoozed ones included: still unresolved)
 * @param openFollowUps follow-ups not yet done or cancelled
 * @param recentScores end-of-day scores of the last {@link PortfolioActivity#DAYS} days, oldest
 *     first; days without a score are absent
 */
public record AccountActivity(int openAlerts, int openFollowUps, List<DailyScore> recentScores) {

    /** One closed day's score. */
    public record DailyScore(LocalDate day, double score) {}
}
