package dev.pulse.access.schedules;

import java.util.Locale;

/** What a scheduled report covers: one account, an owner's portfolio, or a team's accounts. */
public enum ReportKind {
    ACCOUNT,
    PORTFOLIO,
    TEAM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code account}, {@code portfolio} or {@code team}, any case. */
    public static ReportKind fromLabel(String label) {
        for (ReportKind kind : values()) {
            if (kind.name().equalsIgnoreCase(label)) {
                return kind;
            }
        }
        throw new InvalidScheduleException(
                "report", "must be account, portfolio or team, not '" + label + "'");
    }
}
