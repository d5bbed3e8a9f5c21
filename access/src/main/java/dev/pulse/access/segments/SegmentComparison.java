package dev.pulse.access.segments;

import dev.pulse.access.summary.BandCounts;

/**
 * One segment's figures within the caller's scope now, for comparing segments side by side.
 *
 * @param atRisk members the at-risk decision puts at risk
 * @param arr total ARR of the members whose ARR is known
 * @param bands members per current band (unscored members are in none)
 */
public record SegmentComparison(
        Segment segment, int size, Double averageScore, int atRisk, double arr, BandCounts bands) {}
