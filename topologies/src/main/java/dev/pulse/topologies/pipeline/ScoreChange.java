package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.health.HealthScore;

/**
 * What the scoring step hands on: a tenant's current score that changed, or its score as of the end
 * of a day that was just closed (with that day's at-risk decision), on which the alert rules are
 * evaluated as of that day.
 */
record ScoreChange(HealthScore score, boolean endOfDay) {
    static ScoreChange current(HealthScore score) {
        return new ScoreChange(score, false);
    }

    static ScoreChange endOfDay(HealthScore score) {
        return new ScoreChange(score, true);
    }
}
