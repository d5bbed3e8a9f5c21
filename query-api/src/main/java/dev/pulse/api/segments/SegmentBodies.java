package dev.pulse.api.segments;

import dev.pulse.access.segments.Membership;
import dev.pulse.access.segments.Segment;
import dev.pulse.access.segments.SegmentComparison;
import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.access.segments.SegmentHistory;
import dev.pulse.access.segments.SegmentListing;
import dev.pulse.access.summary.BandCounts;
import dev.pulse.api.portfolio.PortfolioItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON bodies of {@code /v1/segments…}; absent members (null) are left out. */
final class SegmentBodies {
    private SegmentBodies() {}

    /** A segment; with its size and average score in the caller's scope when listed. */
    record Item(
            String id,
            String name,
            String description,
            SegmentCriteria criteria,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            Integer size,
            Double averageScore) {
        static Item of(Segment s) {
            return new Item(
                    s.id(),
                    s.name(),
                    s.description(),
                    s.criteria(),
                    s.createdBy(),
                    s.createdAt(),
                    s.updatedAt(),
                    null,
                    null);
        }

        static Item of(SegmentListing listing) {
            Segment s = listing.segment();
            return new Item(
                    s.id(),
                    s.name(),
                    s.description(),
                    s.criteria(),
                    s.createdBy(),
                    s.createdAt(),
                    s.updatedAt(),
                    listing.size(),
                    listing.averageScore());
        }
    }

    /** {@code GET /v1/segments}. */
    record Listing(List<Item> segments) {}

    /** Which segment a body is about. */
    record Ref(String id, String name) {
        static Ref of(Segment s) {
            return new Ref(s.id(), s.name());
        }
    }

    /** Preview (no segment) and members: rows as the portfolio has them. */
    record Members(Ref segment, int size, Double averageScore, List<PortfolioItem> accounts) {
        static Members of(Segment segment, Membership members) {
            return new Members(
                    segment == null ? null : Ref.of(segment),
                    members.size(),
                    members.averageScore(),
                    members.entries().stream().map(e -> PortfolioItem.of(e, null)).toList());
        }
    }

    /** {@code GET /v1/segments/{id}/history}. */
    record History(Ref segment, LocalDate from, LocalDate to, List<SegmentHistory.Day> days) {
        static History of(SegmentHistory history) {
            return new History(
                    Ref.of(history.segment()), history.from(), history.to(), history.days());
        }
    }

    /** One segment of {@code GET /v1/segments/compare}. */
    record Compared(
            String id,
            String name,
            int size,
            Double averageScore,
            int atRisk,
            double arr,
            BandCounts bands) {
        static Compared of(SegmentComparison c) {
            return new Compared(
                    c.segment().id(),
                    c.segment().name(),
                    c.size(),
                    c.averageScore(),
                    c.atRisk(),
                    c.arr(),
                    c.bands());
        }
    }

    /** {@code GET /v1/segments/compare}. */
    record Comparison(List<Compared> segments) {}
}
