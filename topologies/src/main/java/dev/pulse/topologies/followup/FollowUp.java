package dev.pulse.topologies.followup;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item on one account, e.g. "call the champion about the renewal", created by a person
 * directly or from an alert. Kept in the {@code follow-ups} store under {@link #key}, so that a
 * prefix scan of {@code tenant/} gives an account's follow-ups.
 *
 * @param id a UUID chosen by the API when the follow-up is created
 * @param tenantId the account
 * @param alertId the alert ({@code tenant/rule}) it was created from; null when created directly
 * @param title what to do, 1 to {@value FollowUpLifecycle#MAX_TITLE} characters
 * @param dueDate the day it is due; null when it has no due date
 * @param status open, done or cancelled
 * @param owner e-mail of the person who has to do it (defaults to the creator)
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed (equal to {@code createdAt} until then)
 * @param note free text; null when there is none
 */
@RecordBuilder
public record FollowUp(
        String id,
        String tenantId,
        String alertId,
        String title,
        LocalDate dueDate,
        FollowUpStatus status,
        String owner,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        String note) {

    /** The store key: {@code tenantId + "/" + id}. */
    public static String key(String tenantId, String id) {
        return tenantId + "/" + id;
    }

    /** The account's follow-ups in the API. */
    public static String link(String tenantId) {
        return "/v1/accounts/" + tenantId + "/follow-ups";
    }

    FollowUp changed(
            String newTitle,
            LocalDate newDueDate,
            FollowUpStatus newStatus,
            String newOwner,
            String newNote,
            Instant at) {
        return FollowUpBuilder.builder(this)
                .title(newTitle)
                .dueDate(newDueDate)
                .status(newStatus)
                .owner(newOwner)
                .updatedAt(at)
                .note(newNote)
                .build();
    }
}
