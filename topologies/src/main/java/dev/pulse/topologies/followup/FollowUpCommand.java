package dev.pulse.topologies.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's change to a follow-up, published on {@code pulse.follow-up-commands.v1} (keyed by
 * tenant id) and applied by the topology. The follow-up's id is chosen by the API before the
 * command is published, so a command sent twice creates one follow-up, not two.
 *
 * <p>For {@link FollowUpAction#UPDATE}, a null field means "unchanged"; {@code clearDueDate}
 * removes the due date.
 *
 * @param followUpId the follow-up's UUID
 * @param action create or update
 * @param alertId for a create from an alert: the alert's id ({@code tenant/rule}); otherwise null
 * @param title the title (required on create)
 * @param dueDate the due date; null for none (create) or unchanged (update)
 * @param clearDueDate update only: remove the due date
 * @param status update only: the new status
 * @param owner the assignee's e-mail; on create, null means the creator ({@code by})
 * @param note free text; null for none (create) or unchanged (update)
 * @param by the e-mail of the person who acted
 * @param at when they acted
 */
public record FollowUpCommand(
        String followUpId,
        FollowUpAction action,
        String alertId,
        String title,
        LocalDate dueDate,
        boolean clearDueDate,
        FollowUpStatus status,
        String owner,
        String note,
        String by,
        Instant at) {

    public static FollowUpCommand create(
            String followUpId,
            String alertId,
            String title,
            LocalDate dueDate,
            String owner,
            String note,
            String by,
            Instant at) {
        return new FollowUpCommand(
                followUpId,
                FollowUpAction.CREATE,
                alertId,
                title,
                dueDate,
                false,
                null,
                owner,
                note,
                by,
                at);
    }

    public static FollowUpCommand update(
            String followUpId,
            FollowUpStatus status,
            String title,
            LocalDate dueDate,
            boolean clearDueDate,
            String owner,
            String note,
            String by,
            Instant at) {
        return new FollowUpCommand(
                followUpId,
                FollowUpAction.UPDATE,
                null,
                title,
                dueDate,
                clearDueDate,
                status,
                owner,
                note,
                by,
                at);
    }
}
