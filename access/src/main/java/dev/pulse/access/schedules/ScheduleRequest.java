package dev.pulse.access.schedules;

import java.util.List;

/**
 * What a person asks for, as front ends receive it: labels and strings, any of them possibly
 * missing or wrong. {@link ReportSchedules#create} validates it into a {@link ReportSchedule}.
 *
 * @param owner whose portfolio, for a portfolio report; the asker's own when null
 * @param periodDays days covered; null for the cadence's default
 * @param segment a saved segment's id to narrow a portfolio or team report to; null for none
 */
public record ScheduleRequest(
        String report,
        String tenant,
        String owner,
        String team,
        String cadence,
        String dayOfWeek,
        Integer dayOfMonth,
        String time,
        String timeZone,
        String format,
        List<String> channels,
        Integer periodDays,
        String segment) {}
