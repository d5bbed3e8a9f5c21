package dev.pulse.notify.model;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window, in the person's time zone, during which push channels wait. {@code start} after
 * {@code end} spans midnight (22:00–07:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        Objects.requireNonNull(start, "quietHours.start");
        Objects.requireNonNull(end, "quietHours.end");
        if (start.equals(end)) {
            throw new IllegalArgumentException(
                    "quietHours.start and quietHours.end are both "
                            + start
                            + "; leave quiet hours"
                            + " out instead of making them empty or the whole day");
        }
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }
}
