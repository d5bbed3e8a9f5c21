package dev.pulse.bot.command;

import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.topologies.health.Band;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a command in the compact form {@code docs/bot.md} uses for its examples ({@code Kind
 * key=value key="two words"}), so tests can compare parser output with the documentation.
 */
final class CommandDescriptions {

    private CommandDescriptions() {}

    static String describe(BotCommand command) {
        List<String> parts = new ArrayList<>();
        parts.add(command.getClass().getSimpleName());
        if (command instanceof BotCommand.AtRisk c) {
            scope(parts, c.scope());
        } else if (command instanceof BotCommand.AccountStatus c) {
            add(parts, "account", c.accountName());
        } else if (command instanceof BotCommand.Portfolio c) {
            scope(parts, c.scope());
        } else if (command instanceof BotCommand.Summary c) {
            add(parts, "from", c.range().fromInclusive().toString());
            add(parts, "to", c.range().toInclusive().toString());
        } else if (command instanceof BotCommand.ListAlerts c) {
            add(parts, "state", c.filter().map(AlertFilter::word).orElse("any"));
        } else if (command instanceof BotCommand.AckAlert c) {
            alert(parts, c.alert());
        } else if (command instanceof BotCommand.SnoozeAlert c) {
            alert(parts, c.alert());
            add(parts, "for", duration(c.duration()));
        } else if (command instanceof BotCommand.ResolveAlert c) {
            alert(parts, c.alert());
        } else if (command instanceof BotCommand.FollowUp c) {
            add(parts, "account", c.accountName());
            add(parts, "title", c.title());
            c.due().ifPresent(d -> add(parts, "due", d.toString()));
        } else if (command instanceof BotCommand.Report c) {
            if (c.target() instanceof ReportTarget.Account a) {
                add(parts, "account", a.accountName());
            } else if (c.target() instanceof ReportTarget.Portfolio p) {
                scope(parts, p.scope());
            }
            add(parts, "format", c.format().word());
        } else if (command instanceof BotCommand.SegmentStatus c) {
            add(parts, "segment", c.segmentName());
        } else if (command instanceof BotCommand.SaveSegment c) {
            add(parts, "name", c.name());
            criteria(parts, c.criteria());
        } else if (command instanceof BotCommand.DeleteSegment c) {
            add(parts, "segment", c.segmentName());
        } else if (command instanceof BotCommand.FunnelStall c) {
            add(parts, "account", c.accountName());
        } else if (command instanceof BotCommand.CancelSchedule c) {
            add(parts, "id", c.id());
        } else if (command instanceof BotCommand.ScheduleReport c) {
            if (c.target() instanceof ReportTarget.Account a) {
                add(parts, "account", a.accountName());
            } else {
                add(parts, "scope", "mine");
            }
            add(parts, "cadence", c.cadence());
            add(parts, "day", c.day());
            add(parts, "at", c.time());
            c.timeZone().ifPresent(z -> add(parts, "zone", z));
            add(parts, "format", c.format().word());
            add(parts, "by", String.join("+", c.channels()));
        } else if (command instanceof BotCommand.Help c) {
            c.topic().ifPresent(t -> add(parts, "topic", t.word()));
        } else if (command instanceof BotCommand.Invalid c) {
            add(parts, "command", c.command());
        } else if (command instanceof BotCommand.Unknown c) {
            c.suggestion().ifPresent(s -> add(parts, "suggestion", s));
        } else if (command instanceof BotCommand.TooLong c) {
            add(parts, "length", String.valueOf(c.length()));
        }
        return String.join(" ", parts);
    }

    private static void scope(List<String> parts, OwnerScope scope) {
        if (scope instanceof OwnerScope.Mine) {
            add(parts, "scope", "mine");
        } else if (scope instanceof OwnerScope.MyTeam) {
            add(parts, "scope", "my-team");
        } else if (scope instanceof OwnerScope.Owner o) {
            add(parts, "owner", o.reference());
        } else if (scope instanceof OwnerScope.Team t) {
            add(parts, "team", t.reference());
        }
    }

    /** The criteria set, in the record's order: {@code plans=enterprise,pro scoreMax=40}. */
    private static void criteria(List<String> parts, SegmentCriteria criteria) {
        for (RecordComponent component : SegmentCriteria.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(criteria);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof List<?> list) {
                value =
                        list.stream()
                                .map(v -> v instanceof Band b ? b.label() : v.toString())
                                .collect(Collectors.joining(","));
            } else if (value instanceof Double d && d == Math.rint(d)) {
                value = String.valueOf(d.longValue());
            }
            if (value != null) {
                add(parts, component.getName(), value.toString());
            }
        }
    }

    private static void alert(List<String> parts, AlertRef ref) {
        if (ref instanceof AlertRef.Id id) {
            add(parts, "alert", id.alertId());
        } else if (ref instanceof AlertRef.ByAccount a) {
            add(parts, "account", a.accountName());
            a.rule().ifPresent(r -> add(parts, "rule", r));
        }
    }

    private static String duration(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + "d";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }

    private static void add(List<String> parts, String key, String value) {
        parts.add(key + "=" + (value.contains(" ") ? "\"" + value + "\"" : value));
    }
}
