package dev.pulse.topologies.followup;

/** What a {@link FollowUpCommand} does: see {@link FollowUpLifecycle#apply}. */
public enum FollowUpAction {
    /**
     * Create a follow-up under the command's id; a second create of the same id changes nothing.
     */
    CREATE,
    /** Change the status, title, due date, owner or note of an existing follow-up. */
    UPDATE
}
