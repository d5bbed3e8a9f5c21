package dev.pulse.api.http;

import dev.pulse.access.security.Caller;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.segments.UnknownSegmentException;
import dev.pulse.topologies.account.Account;
import java.util.function.Predicate;

/**
 * The {@code segment=} parameter every list, summary and report accepts: resolved through {@link
 * Segments#filter} to the accounts the segment holds in the caller's scope now; an unknown segment
 * is a 404 problem that names it. Call {@link #of} on a worker: it reads scores.
 */
public final class SegmentFilters {
    public static final String PARAMETER = "segment";

    private final Segments segments;

    /**
     * @param segments the use case; null where this instance keeps no segments (every segment is
     *     then unknown)
     */
    public SegmentFilters(Segments segments) {
        this.segments = segments;
    }

    /** The {@code segment} parameter, or null; read on the event loop before the work starts. */
    public static String parameter(RequestParams params) {
        return params.optional(PARAMETER).orElse(null);
    }

    /** Every account when {@code segmentId} is null; else the segment's, or 404. */
    public Predicate<Account> of(Caller caller, String segmentId) {
        if (segmentId == null) {
            return account -> true;
        }
        if (segments == null) {
            throw unknown(segmentId);
        }
        try {
            return segments.filter(caller, segmentId);
        } catch (UnknownSegmentException e) {
            throw unknown(segmentId);
        }
    }

    /** 404 naming the segment. */
    public static ProblemException unknown(String segmentId) {
        return ProblemException.notFound("no segment '" + segmentId + "'")
                .with(PARAMETER, segmentId);
    }
}
