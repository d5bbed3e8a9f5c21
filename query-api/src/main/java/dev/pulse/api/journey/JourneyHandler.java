package dev.pulse.api.journey;

import dev.pulse.access.journey.JourneyQuery;
import dev.pulse.access.journey.JourneyReport;
import dev.pulse.access.journey.Journeys;
import dev.pulse.access.security.Caller;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /v1/journey?from&to&cohort}: how the caller's accounts moved through the journey
 * stages over a period ({@link Journeys#aggregate}). {@code from} and {@code to} are days, both
 * included, by default the last 90 days up to today (UTC), at most 731 days; {@code cohort} a month
 * ({@code 2026-09}) keeps the accounts whose first event fell in it.
 */
public final class JourneyHandler implements Handler<RoutingContext> {
    static final int MAX_DAYS = 731;

    private final Journeys journeys;
    private final Clock clock;
    private final BlockingReads reads;

    public JourneyHandler(Journeys journeys, Clock clock, BlockingReads reads) {
        this.journeys = journeys;
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        JourneyQuery query = query(RequestParams.of(ctx));
        Caller caller = RequestAccess.caller(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    JourneyReport report = journeys.aggregate(caller, query);
                    RequestAccess.touched(ctx, report.tenantIds());
                    return report;
                });
    }

    private JourneyQuery query(RequestParams params) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = params.optional("to").map(v -> day("to", v)).orElse(today);
        LocalDate from =
                params.optional("from")
                        .map(v -> day("from", v))
                        .orElse(to.minusDays(JourneyQuery.DEFAULT_DAYS - 1L));
        if (to.isBefore(from)) {
            throw ProblemException.badParameter("to", "must not be before 'from' (" + from + ")");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
            throw ProblemException.badParameter(
                    "from", "the period may span at most " + MAX_DAYS + " days");
        }
        JourneyQuery query = JourneyQuery.between(from, to);
        YearMonth cohort = params.optional("cohort").map(JourneyHandler::month).orElse(null);
        if (cohort != null) {
            query = query.withCohort(cohort);
        }
        // segment=: saved segments plug in here, as query.withSegment(name, members), once the
        // segments use case exists; the report already echoes the segment's name.
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
