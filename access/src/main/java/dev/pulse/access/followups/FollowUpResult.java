package dev.pulse.access.followups;

import dev.pulse.topologies.followup.FollowUp;

/** What came of creating or changing a follow-up; front ends map each case. */
public sealed interface FollowUpResult {
    /**
     * Recorded (or, when {@code changed} is false, nothing to change).
     *
     * @param followUp the follow-up as it is after the command
     */
    record Accepted(FollowUp followUp, boolean changed) implements FollowUpResult {}

    /** The account, alert or follow-up named does not exist in the caller's scope. */
    record NotFound(String reason) implements FollowUpResult {}

    /** The change does not fit the follow-up's state, e.g. cancelling a done one. */
    record Conflict(String reason) implements FollowUpResult {}

    /** A field breaks a rule; {@code problem} reads after the field's name. */
    record Invalid(String field, String problem) implements FollowUpResult {}
}
