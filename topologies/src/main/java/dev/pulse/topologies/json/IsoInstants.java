package dev.pulse.topologies.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 timestamps with an offset, as {@code OffsetDateTime.parse(text).toInstant()}
 * does, with a fast path for the form nearly every event carries: {@code
 * yyyy-MM-ddTHH:mm:ss[.fraction]Z} (what {@code Instant.toString()} writes). Anything else, or
 * anything out of range, goes to {@code OffsetDateTime.parse}, so results and rejections are
 * exactly its own. Every usage event's time is parsed once; the formatter took about a tenth of the
 * parse.
 */
public final class IsoInstants {
    private IsoInstants() {}

    /**
     * @throws DateTimeParseException when {@code OffsetDateTime.parse} would
     */
    public static Instant parse(CharSequence text) {
        Instant fast = parseUtc(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant for {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, else null. */
    private static Instant parseUtc(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z') {
            return null;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
            return null;
        }
        if (minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        if (day > lengthOfMonth(year, month)) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            // ".f" to ".fffffffff" between the seconds and the Z
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(
                epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay}. */
    private static long epochDay(int year, int month, int day) {
        return LocalDate.of(year, month, day).toEpochDay();
    }
}
