package dev.pulse.access.funnels;

/**
 * One step of a funnel over a period.
 *
 * @param users users who reached the step in the period (each attempt counts)
 * @param conversion users of this step over users of the previous one (1 for the first step with
 *     users; 0 when the previous step has none), at most 1
 * @param overall users of this step over users of the first step, at most 1
 * @param medianHoursToConvert median time from the previous step, in hours; null for the first step
 *     and when nobody reached the step
 */
public record StepResult(
        String id,
        String label,
        long users,
        double conversion,
        double overall,
        Double medianHoursToConvert) {}
