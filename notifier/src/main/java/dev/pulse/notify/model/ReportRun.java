package dev.pulse.notify.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One run of a report schedule, as the outbox carries it to the channels: enough to render the
 * report as the schedule's owner when the delivery is made (the file itself is not stored).
 *
 * @param report {@code account}, {@code portfolio} or {@code team}
 * @param tenant the account of an account report
 * @param owner whose portfolio, for a portfolio report
 * @param team the team of a team report
 * @param format {@code pdf} or {@code csv}
 * @param firstDay first day covered (UTC days, as reports read)
 * @param lastDay last day covered
 * @param runAs the e-mail of the person whose rights the report is rendered with
 * @param title "Weekly report: account acme", for subjects and chat messages
 * @param segment the saved segment a portfolio or team report is narrowed to; null for none
 */
public record ReportRun(
        String scheduleId,
        Instant dueAt,
        String report,
        String tenant,
        String owner,
        String team,
        String format,
        LocalDate firstDay,
        LocalDate lastDay,
        String runAs,
        String title,
        String segment) {

    /** Identifies this run across channels and instances: schedule id and due time. */
    public String runId() {
        return scheduleId + "@" + dueAt;
    }
}
