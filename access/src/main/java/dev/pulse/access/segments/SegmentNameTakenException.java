package dev.pulse.access.segments;

/**
 * Another saved segment already has this name (letter case aside); front ends answer "conflict".
 */
public final class SegmentNameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String existingId;

    public SegmentNameTakenException(String name, String existingId) {
        super("a segment named '" + name + "' exists already (" + existingId + ")");
        this.existingId = existingId;
    }

    public String existingId() {
        return existingId;
    }
}
