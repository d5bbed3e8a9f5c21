package dev.pulse.topologies.health;

import java.util.List;

/**
 * Maps a raw reading to 0–100 points by straight lines between configured points; readings outside
 * the points take the nearest end's value.
 */
public record ThresholdCurve(List<List<Double>> points) {
    public ThresholdCurve {
        if (points == null || points.size() < 2) {
            throw new IllegalArgumentException("needs at least two [reading, points] pairs");
        }
        for (int i = 0; i < points.size(); i++) {
            List<Double> point = points.get(i);
            if (point == null
                    || point.size() != 2
                    || point.get(0) == null
                    || point.get(1) == null) {
                throw new IllegalArgumentException(
                        "point " + (i + 1) + " must be a pair [reading, points]");
            }
            if (point.get(1) < 0 || point.get(1) > 100) {
                throw new IllegalArgumentException(
                        "point " + (i + 1) + " gives " + point.get(1) + " points; must be 0–100");
            }
            if (i > 0 && point.get(0) <= points.get(i - 1).get(0)) {
                throw new IllegalArgumentException("readings must increase from point to point");
            }
        }
        points = List.copyOf(points.stream().map(List::copyOf).toList());
    }

    public double pointsFor(double reading) {
        List<Double> first = points.get(0);
        if (reading <= first.get(0)) {
            return first.get(1);
        }
        for (int i = 1; i < points.size(); i++) {
            List<Double> hi = points.get(i);
            if (reading <= hi.get(0)) {
                List<Double> lo = points.get(i - 1);
                double t = (reading - lo.get(0)) / (hi.get(0) - lo.get(0));
                return lo.get(1) + t * (hi.get(1) - lo.get(1));
            }
        }
        return points.get(points.size() - 1).get(1);
    }
}
