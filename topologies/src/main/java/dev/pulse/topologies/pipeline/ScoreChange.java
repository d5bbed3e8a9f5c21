package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.health.HealthScore;

/**
 * What the scoring step hands on: a tenant's current score that changed, or its score as of the end
 * of a day that was just closed (with that day's at-risk decision), on which the alert rules are
 * evaluated as of that day.
 *
 * @param closedOn for an end-of-day score, the engagement the day was closed on (the health model's
 *     lookback, as of the score's instant), so that the alert rules need not read it again; null
 *     for a current score. Handed on in the same thread, never serialized.
 * @param account for an end-of-day score, the tenant's account the day was closed with (null when
 *     the directory has none), so that the alert rules and the journey use the same one without
 *     reading and decoding it again; null for a current score.
 */
record ScoreChange(HealthScore score, boolean endOfDay, DailyHistory closedOn, Account account) {
    static ScoreChange current(HealthScore score) {
        return new ScoreChange(score, false, null, null);
    }

    static ScoreChange endOfDay(HealthScore score, DailyHistory closedOn, Account account) {
        return new ScoreChange(score, true, closedOn, account);
    }
}
