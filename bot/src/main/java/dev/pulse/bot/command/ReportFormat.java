package dev.pulse.bot.command;

import java.util.Locale;

/** The file a report is delivered as. */
public enum ReportFormat {
    PDF,
    CSV;

    /** The word people type for it, and the file extension. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
