package dev.pulse.topologies.json;

/**
 * A record that cannot be accepted. The code is a short, stable label for metrics; the message
 * names the field and the problem for a person.
 */
public final class InvalidRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public InvalidRecordException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
