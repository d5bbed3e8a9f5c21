package dev.pulse.access.followups;

import java.time.LocalDate;

/**
 * A new follow-up as a person asks for it.
 *
 * @param title null only when created from an alert (the alert's explanation is used)
 * @param dueDate null for none
 * @param owner the assignee's e-mail; null means the creator
 * @param note null for none
 */
public record FollowUpDraft(String title, LocalDate dueDate, String owner, String note) {}
