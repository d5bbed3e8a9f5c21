package dev.pulse.api.funnels;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pulse.access.funnels.FunnelReport;
import dev.pulse.access.funnels.StepResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The body of {@code GET /v1/funnels/{id}}. Absent values are written as {@code null}, not left
 * out: the dashboard reads a fixed shape.
 *
 * @param from the start of the range as given (an ISO date when it is the start of a UTC day)
 * @param to the end of the range, exclusive, likewise
 * @param accounts how many accounts {@code steps} sums (1 for a tenant)
 * @param portfolio the same funnel over every account the caller sees; null without a tenant
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FunnelView(
        Header funnel,
        String tenant,
        String segment,
        String from,
        String to,
        int accounts,
        List<Step> steps,
        List<PortfolioStep> portfolio,
        String stallStep) {

    /** The funnel, as listed. */
    public record Header(String id, String label, long windowDays) {}

    /** One step of the tenant or the set of accounts. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Step(
            String id,
            String label,
            long users,
            double conversion,
            double overall,
            Double medianHoursToConvert) {}

    /** One step of the portfolio. */
    public record PortfolioStep(String id, long users, double conversion, double overall) {}

    static FunnelView of(FunnelReport report) {
        return new FunnelView(
                new Header(
                        report.funnel().id(),
                        report.funnel().label(),
                        report.funnel().windowDays()),
                report.tenant(),
                report.segment(),
                echo(report.from()),
                echo(report.to()),
                report.accounts(),
                report.steps().stream().map(FunnelView::step).toList(),
                report.portfolio() == null
                        ? null
                        : report.portfolio().stream()
                                .map(
                                        s ->
                                                new PortfolioStep(
                                                        s.id(),
                                                        s.users(),
                                                        s.conversion(),
                                                        s.overall()))
                                .toList(),
                report.stallStep());
    }

    private static Step step(StepResult s) {
        return new Step(
                s.id(),
                s.label(),
                s.users(),
                s.conversion(),
                s.overall(),
                s.medianHoursToConvert());
    }

    /** {@code 2026-11-01} for the start of a UTC day, else the instant. */
    static String echo(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() == 0
                        && instant.getNano() == 0
                ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : instant.toString();
    }
}
