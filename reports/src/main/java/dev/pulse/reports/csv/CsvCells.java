package dev.pulse.reports.csv;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one cell neutraliser of every CSV Pulse writes (OWASP, CSV injection): a text cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single
 * quote in front, so a spreadsheet shows it as text instead of running it as a formula. Quoting the
 * cell (which the CSV printer does) does not stop spreadsheets from evaluating it.
 *
 * <p>Numbers Pulse computes ({@link Number} values: scores, changes, counts) are written as they
 * are, so a change of {@code -3.5} stays a number a spreadsheet can sum: such a value is not text
 * from a customer and cannot hold a formula. Every {@link String} is neutralised, even one that
 * looks like a number ({@code "-3"} from a customer is text and gets the quote).
 */
public final class CsvCells {
    private CsvCells() {}

    /** The cell as written: numbers as they are, dates ISO-8601, text neutralised; null empty. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        return neutralise(value.toString());
    }

    /** Text as a safe cell. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        if (first == '='
                || first == '+'
                || first == '-'
                || first == '@'
                || first == '\t'
                || first == '\r') {
            return "'" + text;
        }
        return text;
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }
}
