package dev.pulse.access.segments;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved segment: a name people recognise for a set of criteria. Which accounts it holds is not
 * saved: it is computed on every read from the reader's accounts and their current scores, within
 * the reader's scope, so it follows the scores as they move.
 *
 * @param id {@code seg-} and twelve hex digits
 * @param name unique among segments, letter case aside
 * @param description free text; null when none
 * @param createdBy who saved it (e-mail or API key subject)
 */
public record Segment(
        String id,
        String name,
        String description,
        SegmentCriteria criteria,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        criteria = criteria == null ? SegmentCriteria.ANY : criteria;
    }
}
