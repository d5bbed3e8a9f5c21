package dev.pulse.backfill.source;

import java.util.Locale;

/** How raw events are laid out in a file. */
public enum EventFileFormat {
    /**
     * One JSON event per line, as {@code pulse generate} writes and {@code POST /v1/events} takes.
     */
    NDJSON,
    /**
     * A header row naming the columns, then one event per row: the event's fields by name ({@code
     * eventId}, {@code tenantId}, {@code userId}, {@code type}, {@code feature}, {@code
     * timestamp}); a column {@code properties.x} becomes property {@code x}. Empty cells are absent
     * fields.
     */
    CSV;

    public static EventFileFormat of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The format a file's name suggests, NDJSON unless it ends in {@code .csv}. */
    public static EventFileFormat guess(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : NDJSON;
    }
}
