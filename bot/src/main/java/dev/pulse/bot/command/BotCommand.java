package dev.pulse.bot.command;

import dev.pulse.access.segments.SegmentCriteria;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chat message asks Pulse to do, the same on every platform. {@link CommandParser} produces
 * one for any input; names and people are kept as typed, so resolving them (against the accounts,
 * the user directory, the alerts) is a separate step with its own answers.
 */
public sealed interface BotCommand {

    /** At-risk accounts of the asker, a named owner or a team. */
    record AtRisk(OwnerScope scope) implements BotCommand {
        public AtRisk {
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** How one account is doing, by name as typed; see {@link AccountNameMatcher}. */
    record AccountStatus(String accountName) implements BotCommand {
        public AccountStatus {
            Objects.requireNonNull(accountName, "accountName");
        }
    }

    /** A portfolio sorted by risk. */
    record Portfolio(OwnerScope scope) implements BotCommand {
        public Portfolio {
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** Aggregate metrics for a date range. */
    record Summary(DateRange range) implements BotCommand {
        public Summary {
            Objects.requireNonNull(range, "range");
        }
    }

    /** The asker's alerts, optionally only those in one state. */
    record ListAlerts(Optional<AlertFilter> filter) implements BotCommand {
        public ListAlerts {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** Acknowledge an alert: someone is on it. */
    record AckAlert(AlertRef alert) implements BotCommand {
        public AckAlert {
            Objects.requireNonNull(alert, "alert");
        }
    }

    /** Silence an alert for a while. */
    record SnoozeAlert(AlertRef alert, Duration duration) implements BotCommand {
        public SnoozeAlert {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Close an alert by hand. */
    record ResolveAlert(AlertRef alert) implements BotCommand {
        public ResolveAlert {
            Objects.requireNonNull(alert, "alert");
        }
    }

    /** Create a follow-up action item on an account. */
    record FollowUp(String accountName, String title, Optional<LocalDate> due)
            implements BotCommand {
        public FollowUp {
            Objects.requireNonNull(accountName, "accountName");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(due, "due");
        }
    }

    /** A business-review report of an account or a portfolio. */
    record Report(ReportTarget target, ReportFormat format) implements BotCommand {
        public Report {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(format, "format");
        }
    }

    /** How a saved segment is doing, by name as typed ("how is the enterprise segment doing"). */
    record SegmentStatus(String segmentName) implements BotCommand {
        public SegmentStatus {
            Objects.requireNonNull(segmentName, "segmentName");
        }
    }

    /** The saved segments the asker can see, with their sizes. */
    record ListSegments() implements BotCommand {}

    /**
     * Saves a segment ("save segment Enterprise renewals: plan enterprise, band at risk"). Owners
     * in the criteria are kept as typed (a name or an e-mail) and resolved to e-mails when it is
     * saved.
     */
    record SaveSegment(String name, SegmentCriteria criteria) implements BotCommand {
        public SaveSegment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(criteria, "criteria");
        }
    }

    /** Deletes a saved segment, by its exact name (letter case aside) or its id. */
    record DeleteSegment(String segmentName) implements BotCommand {
        public DeleteSegment {
            Objects.requireNonNull(segmentName, "segmentName");
        }
    }

    /**
     * Where an account's users stall in the product's adoption funnels ("where do Acme's users
     * stall"), by account name as typed.
     */
    record FunnelStall(String accountName) implements BotCommand {
        public FunnelStall {
            Objects.requireNonNull(accountName, "accountName");
        }
    }

    /** The asker's report schedules. */
    record ListSchedules() implements BotCommand {}

    /** Cancels one of the asker's report schedules, by id. */
    record CancelSchedule(String id) implements BotCommand {
        public CancelSchedule {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A report on a schedule. Checked by the schedule use case, which names what is wrong.
     *
     * @param cadence {@code weekly} or {@code monthly}
     * @param day a weekday ({@code MONDAY}) for weekly, a day of the month ({@code 1}–{@code 28})
     *     for monthly
     * @param time as typed, e.g. {@code 08:00}
     * @param timeZone an IANA zone as typed; empty for the bot's zone
     * @param channels {@code email} and/or {@code chat}
     */
    record ScheduleReport(
            ReportTarget target,
            String cadence,
            String day,
            String time,
            Optional<String> timeZone,
            ReportFormat format,
            List<String> channels)
            implements BotCommand {
        public ScheduleReport {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(cadence, "cadence");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(format, "format");
            channels = List.copyOf(channels);
        }
    }

    /** The command overview, or one topic of it. */
    record Help(Optional<HelpTopic> topic) implements BotCommand {
        public Help {
            Objects.requireNonNull(topic, "topic");
        }

        /** The text to answer with. */
        public String answer() {
            return topic.map(HelpText::topic).orElseGet(HelpText::overview);
        }
    }

    /**
     * A known command with something wrong or missing ("snooze Acme" without a duration): say what,
     * and show an example that works.
     */
    record Invalid(String command, String message, String example) implements BotCommand {
        public Invalid {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(example, "example");
        }

        /** The text to answer with. */
        public String answer() {
            return HelpText.invalid(this);
        }
    }

    /** Not a command; {@code suggestion} is the command word it is closest to, if any. */
    record Unknown(String input, Optional<String> suggestion) implements BotCommand {
        public Unknown {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(suggestion, "suggestion");
        }

        /** The text to answer with. */
        public String answer() {
            return HelpText.unknown(this);
        }
    }

    /** Longer than any command; not parsed at all. */
    record TooLong(int length, int limit) implements BotCommand {
        /** The text to answer with. */
        public String answer() {
            return HelpText.tooLong(this);
        }
    }
}
