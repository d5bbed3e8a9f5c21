package dev.pulse.api.auth;

/** Quoting untrusted values (claims, headers) back in error messages and the audit log. */
final class Reasons {
    private static final int MAX_ECHO = 80;

    private Reasons() {}

    /** The value with control characters replaced and cut to 80 characters; "" for null. */
    static String echo(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder printable = new StringBuilder(Math.min(value.length(), MAX_ECHO + 1));
        value.codePoints()
                .limit(MAX_ECHO + 1L)
                .forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return printable.length() <= MAX_ECHO
                ? printable.toString()
                : printable.substring(0, MAX_ECHO) + "…";
    }
}
