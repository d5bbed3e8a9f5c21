package dev.pulse.api.journey;

import dev.pulse.access.journey.JourneyQuery;
import dev.pulse.access.journey.JourneyReport;
import dev.pulse.access.journey.Journeys;
import dev.pulse.access.security.Caller;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /v1/journey?from&to&segment&cohort}: how the caller's accounts moved through the
 * journey stages over a period ({@link Journeys#aggregate}). {@code from} and {@code to} are days,
 * {@code to} not included (as every range of the API), by default the last 90 days up to today
 * (UTC), at most 731 days; {@code segment} a saved segment's id keeps its accounts; {@code cohort}
 * a month ({@code 2026-09}) keeps the accounts whose first event fell in it.
 */
public final class JourneyHandler implements Handler<RoutingContext> {
    static final int MAX_DAYS = 731;

    private final Journeys journeys;
    private final Clock clock;
    private final BlockingReads reads;
    private final SegmentFilters segments;

    public JourneyHandler(
            Journeys journeys, Clock clock, BlockingReads reads, SegmentFilters segments) {
        this.journeys = journeys;
        this.clock = clock;
        this.reads = reads;
        this.segments = segments;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        JourneyQuery period = query(params);
        String segment = SegmentFilters.parameter(params);
        Caller caller = RequestAccess.caller(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    JourneyQuery query =
                            segment == null
                                    ? period
                                    : period.withSegment(segment, segments.of(caller, segment));
                    JourneyReport report = journeys.aggregate(caller, query);
                    RequestAccess.touched(ctx, report.tenantIds());
                    return report;
                });
    }

    private JourneyQuery query(RequestParams params) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate until = params.optional("to").map(v -> day("to", v)).orElse(today.plusDays(1));
        LocalDate from =
                params.optional("from")
                        .map(v -> day("from", v))
                        .orElse(until.minusDays(JourneyQuery.DEFAULT_DAYS));
        if (!from.isBefore(until)) {
            throw ProblemException.badParameter(
                    "to", "must be after 'from' (" + from + "); 'to' is not included");
        }
        if (until.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
            throw ProblemException.badParameter(
                    "from", "the period may span at most " + MAX_DAYS + " days");
        }
        JourneyQuery query = JourneyQuery.between(from, until.minusDays(1));
        YearMonth cohort = params.optional("cohort").map(JourneyHandler::month).orElse(null);
        if (cohort != null) {
            query = query.withCohort(cohort);
        }
        return query;
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(
                    name, "must be a day as YYYY-MM-DD, e.g. 2026-09-01, not '" + value + "'");
        }
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(
                    "cohort", "must be a month as YYYY-MM, e.g. 2026-09, not '" + value + "'");
        }
    }
}
