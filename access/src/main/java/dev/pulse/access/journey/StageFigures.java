package dev.pulse.access.journey;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stage over a period.
 *
 * @param current accounts in the stage now
 * @param entered moves into the stage during the period (an account's first stage counts)
 * @param exited moves out of the stage during the period
 * @param medianDaysInStage median days in the stage of the stays that ended in the period and of
 *     the stays still going on (counted to the latest closed day); null without any
 * @param p90DaysInStage the 90th percentile of the same stays
 * @param dropOff moves from this stage to an exit stage during the period
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StageFigures(
        String id,
        String label,
        String kind,
        long current,
        long entered,
        long exited,
        Double medianDaysInStage,
        Double p90DaysInStage,
        long dropOff) {}
