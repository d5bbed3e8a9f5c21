package dev.pulse.access.segments;

import dev.pulse.access.portfolio.PortfolioEntry;
import java.util.List;

/**
 * The accounts criteria select within a caller's scope, riskiest first, with their current scores.
 *
 * @param averageScore mean current score of the members that have one, one decimal; null when none
 */
public record Membership(List<PortfolioEntry> entries, Double averageScore) {
    public int size() {
        return entries.size();
    }

    static Membership of(List<PortfolioEntry> entries) {
        return new Membership(
                entries,
                SegmentFigures.average(
                        entries.stream()
                                .filter(e -> e.score() != null)
                                .mapToDouble(e -> e.score().score())));
    }
}
