package dev.pulse.access.followups;

import dev.pulse.topologies.followup.FollowUpStatus;
import java.time.LocalDate;

/** A change to a follow-up; null fields stay as they are, {@code clearDueDate} removes the date. */
public record FollowUpChange(
        FollowUpStatus status,
        String title,
        LocalDate dueDate,
        boolean clearDueDate,
        String owner,
        String note) {}
