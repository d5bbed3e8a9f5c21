package dev.pulse.topologies.followup;

import dev.pulse.topologies.json.JsonFields;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies {@link FollowUpCommand}s to follow-ups, as a pure function of the current follow-up and
 * the command, so the API can answer with the follow-up "as it will be" and the topology keeps
 * exactly that.
 *
 * <pre>
 *   (none) ------CREATE----------------> OPEN
 *   OPEN --------UPDATE status done----> DONE
 *   OPEN --------UPDATE status cancel--> CANCELLED
 *   DONE | CANCELLED --status open-----> OPEN (reopened; may change other fields at once)
 *   DONE <-------------X-------------> CANCELLED (conflict: reopen first)
 * </pre>
 *
 * An open follow-up's title, due date, owner and note can change freely; a closed one's cannot,
 * unless the same update reopens it. A create whose id exists already is a re-sent command and
 * changes nothing; so does an update that changes nothing.
 */
public final class FollowUpLifecycle {
    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;

    /** Longest note, in characters. */
    public static final int MAX_NOTE = 1000;

    private FollowUpLifecycle() {}

    /** Why a command was applied or not. */
    public enum Outcome {
        /** The follow-up was created or changed. */
        APPLIED,
        /** An update that changes nothing. */
        UNCHANGED,
        /** A create of an id that exists: the same command sent again. */
        DUPLICATE,
        /** An update of a follow-up that does not exist (for this tenant). */
        UNKNOWN,
        /** The command breaks a rule of {@link #check}. */
        INVALID,
        /** The change does not fit the follow-up's status. */
        CONFLICT;

        /** Lower-case label, for metrics. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One broken rule of a command.
     *
     * @param field the command field, as named in the API's JSON
     * @param problem what is wrong, as a phrase after the field name
     */
    public record Violation(String field, String problem) {}

    /**
     * The result of applying a command.
     *
     * @param followUp the follow-up after the command; the current one (possibly null) unless
     *     applied
     * @param outcome what happened
     * @param reason a sentence for people when the command was not applied; null otherwise
     */
    public record Step(FollowUp followUp, Outcome outcome, String reason) {
        public boolean changed() {
            return outcome == Outcome.APPLIED;
        }
    }

    /** The first rule {@code command} breaks, independent of any current follow-up. */
    public static Optional<Violation> check(FollowUpCommand command) {
        if (command == null || command.action() == null) {
            return violation("action", "must be CREATE or UPDATE");
        }
        if (!isUuid(command.followUpId())) {
            return violation("id", "must be a UUID");
        }
        if (command.by() == null || command.by().isBlank()) {
            return violation("by", "is required");
        }
        boolean create = command.action() == FollowUpAction.CREATE;
        if (create || command.title() != null) {
            String title = command.title() == null ? "" : command.title().strip();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                return violation("title", "must be 1 to " + MAX_TITLE + " characters");
            }
        }
        if (command.note() != null && command.note().strip().length() > MAX_NOTE) {
            return violation("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (command.owner() != null && !JsonFields.isEmail(command.owner())) {
            return violation("owner", "must be an e-mail address");
        }
        if (create && command.status() != null && command.status() != FollowUpStatus.OPEN) {
            return violation("status", "must be open (or absent) when creating");
        }
        if (create && command.clearDueDate()) {
            return violation("dueDate", "cannot be cleared when creating");
        }
        if (command.clearDueDate() && command.dueDate() != null) {
            return violation("dueDate", "cannot be set and cleared at once");
        }
        return Optional.empty();
    }

    /**
     * Applies {@code command}, received under {@code tenantId}, to {@code current} (the follow-up
     * stored under the command's id for that tenant, or null). {@code at} is the command's time, or
     * {@code now} when it has none.
     */
    public static Step apply(
            FollowUp current, String tenantId, FollowUpCommand command, Instant now) {
        Optional<Violation> violation = check(command);
        if (violation.isPresent()) {
            Violation v = violation.get();
            return new Step(current, Outcome.INVALID, "'" + v.field() + "' " + v.problem());
        }
        Instant at = command.at() == null ? now : command.at();
        return command.action() == FollowUpAction.CREATE
                ? create(current, tenantId, command, at)
                : update(current, command, at);
    }

    private static Step create(
            FollowUp current, String tenantId, FollowUpCommand command, Instant at) {
        if (current != null) {
            return new Step(
                    current,
                    Outcome.DUPLICATE,
                    "follow-up '" + command.followUpId() + "' exists already");
        }
        if (command.alertId() != null && !command.alertId().startsWith(tenantId + "/")) {
            return new Step(
                    null,
                    Outcome.INVALID,
                    "alert '" + command.alertId() + "' is not an alert of '" + tenantId + "'");
        }
        String owner = command.owner() == null ? command.by() : command.owner();
        FollowUp created =
                new FollowUp(
                        command.followUpId(),
                        tenantId,
                        command.alertId(),
                        command.title().strip(),
                        command.dueDate(),
                        FollowUpStatus.OPEN,
                        owner.toLowerCase(Locale.ROOT),
                        command.by(),
                        at,
                        at,
                        note(command.note()));
        return new Step(created, Outcome.APPLIED, null);
    }

    private static Step update(FollowUp current, FollowUpCommand command, Instant at) {
        if (current == null) {
            return new Step(
                    null, Outcome.UNKNOWN, "there is no follow-up '" + command.followUpId() + "'");
        }
        FollowUpStatus status = command.status() == null ? current.status() : command.status();
        String title = command.title() == null ? current.title() : command.title().strip();
        LocalDate due =
                command.clearDueDate()
                        ? null
                        : command.dueDate() == null ? current.dueDate() : command.dueDate();
        String owner =
                command.owner() == null
                        ? current.owner()
                        : command.owner().toLowerCase(Locale.ROOT);
        String note = command.note() == null ? current.note() : note(command.note());
        boolean edited =
                !title.equals(current.title())
                        || !Objects.equals(due, current.dueDate())
                        || !Objects.equals(owner, current.owner())
                        || !Objects.equals(note, current.note());
        if (!edited && status == current.status()) {
            return new Step(current, Outcome.UNCHANGED, "nothing changes");
        }
        if (current.status().isClosed() && status.isClosed()) {
            String detail =
                    status != current.status()
                            ? " cannot become " + status.label() + "; reopen it first"
                            : " cannot be edited; reopen it (status open) to change it";
            return new Step(
                    current,
                    Outcome.CONFLICT,
                    "follow-up '"
                            + current.id()
                            + "' is "
                            + current.status().label()
                            + " and"
                            + detail);
        }
        return new Step(
                current.changed(title, due, status, owner, note, at), Outcome.APPLIED, null);
    }

    /** A note as kept: stripped, and null when blank (so an update with "" removes it). */
    private static String note(String note) {
        if (note == null) {
            return null;
        }
        String stripped = note.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Violation> violation(String field, String problem) {
        return Optional.of(new Violation(field, problem));
    }
}
