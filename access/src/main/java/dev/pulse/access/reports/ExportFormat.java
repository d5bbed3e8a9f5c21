package dev.pulse.access.reports;

import java.util.Locale;

/** The file a report is exported as; the audit entry of an export names it. */
public enum ExportFormat {
    PDF,
    CSV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code pdf} or {@code csv}, any case. */
    public static ExportFormat fromLabel(String label) {
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(label)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + label + "'; expected pdf or csv");
    }
}
