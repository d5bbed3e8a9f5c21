package dev.pulse.access.schedules;

/** A schedule that cannot be kept as asked; {@link #field()} names the offending input. */
public final class InvalidScheduleException extends IllegalArgumentException {
    private final String field;

    public InvalidScheduleException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name in front, for front ends that show the field apart. */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
