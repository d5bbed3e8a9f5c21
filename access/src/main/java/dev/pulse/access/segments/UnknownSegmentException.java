package dev.pulse.access.segments;

/** No saved segment has this id; front ends answer "not found" and name it. */
public final class UnknownSegmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;

    public UnknownSegmentException(String id) {
        super("no segment '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
