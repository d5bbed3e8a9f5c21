package dev.pulse.access.segments;

/** A segment or criterion that cannot be kept as asked; {@link #field()} names the input. */
public final class InvalidSegmentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSegmentException(String field, String reason) {
        super(field + " " + reason);
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
