package dev.pulse.access.journey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * How the caller's accounts moved through the journey over a period (the body of {@code GET
 * /v1/journey}).
 *
 * @param from the first day of the period
 * @param to the day after its last, as every {@code to} of the API
 * @param segment the saved segment the accounts were filtered by; null for none
 * @param cohort the start month the accounts were filtered by; null for none
 * @param accounts accounts covered: in scope, in the segment and cohort, with a closed day
 * @param stages every stage of the model, in its order
 * @param flows moves between stages during the period, most accounts first
 * @param paths the ten most common sequences of stages since the start, most accounts first
 * @param tenantIds every account covered, for the audit log; not part of the body
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JourneyReport(
        LocalDate from,
        LocalDate to,
        String segment,
        YearMonth cohort,
        long accounts,
        String modelVersion,
        List<StageFigures> stages,
        List<StageFlow> flows,
        List<StagePath> paths,
        @JsonIgnore List<String> tenantIds) {}
