package dev.pulse.access.segments;

import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/** The one way a segment's average score is rounded: one decimal, null for no scores. */
final class SegmentFigures {
    private SegmentFigures() {}

    static Double average(DoubleStream scores) {
        OptionalDouble mean = scores.average();
        return mean.isPresent() ? round(mean.getAsDouble()) : null;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
