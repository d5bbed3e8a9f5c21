package dev.pulse.notify.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a person is told: about an alert, or a scheduled report. */
public enum NotificationReason {
    /** The alert started firing (a new episode). */
    FIRED,
    /** Still firing, nobody acknowledged it: a reminder after the reminder interval. */
    REMINDER,
    /** A snooze ended while the alert still fires. */
    SNOOZE_ENDED,
    /** The alert resolved; told in the in-app feed only. */
    RESOLVED,
    /** A scheduled report is due: not about an alert, it carries a {@link ReportRun}. */
    SCHEDULED_REPORT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether push channels (e-mail, chat) carry this reason; the feed carries every reason. */
    public boolean pushed() {
        return this != RESOLVED;
    }
}
