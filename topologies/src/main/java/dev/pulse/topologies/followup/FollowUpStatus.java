package dev.pulse.topologies.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a follow-up stands. {@code OPEN}: someone has to do it. {@code DONE}: it was done. {@code
 * CANCELLED}: it will not be done. A closed follow-up (done or cancelled) can be reopened; see
 * {@link FollowUpLifecycle}.
 */
public enum FollowUpStatus {
    OPEN("open"),
    DONE("done"),
    CANCELLED("cancelled");

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean isClosed() {
        return this != OPEN;
    }

    /** The status with this label, ignoring case. */
    public static Optional<FollowUpStatus> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        for (FollowUpStatus status : values()) {
            if (status.label.equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
