package dev.pulse.topologies.pipeline;

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
 */
record ScoreChange(HealthScore score, boolean endOfDay, DailyHistory closedOn) {
    static ScoreChange current(HealthScore score) {
        return new ScoreChange(score, false, null);
    }

    static ScoreChange endOfDay(HealthScore score, DailyHistory closedOn) {
        return new ScoreChange(score, true, closedOn);
    }
}
