package dev.pulse.api.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses the time forms the API accepts in parameters. */
public final class TimeParams {
    /** How the accepted forms are described in error messages. */
    public static final String EXPECTED =
            "an ISO date (2026-11-01, the start of that UTC day) or an ISO instant"
                    + " (2026-11-01T09:30:00Z)";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TimeParams() {}

    /** {@code 2026-11-01} is the start of that UTC day; instants may carry any offset. */
    public static Instant dateOrInstant(String parameter, String value) {
        String text = value.strip();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(
                    parameter, "must be " + EXPECTED + ", not '" + RequestParams.echo(text) + "'");
        }
    }
}
