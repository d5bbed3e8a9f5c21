package dev.pulse.access.followups;

import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.command.CommandRecorder;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Permission;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.followup.FollowUpLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Creates, changes and lists follow-ups for a caller. Every command needs {@link
 * Permission#KEEP_FOLLOW_UPS}, reads through the caller's scope, and passes {@link
 * FollowUpLifecycle} (the function the topology applies) before it is recorded, so what is refused
 * here is refused the same way in every front end. An owner someone names must be a person of the
 * {@link UserDirectory}: a follow-up assigned to a typo would reach no one's list or notifications.
 */
public final class FollowUps {
    /** Due date (none last), then creation time, then id. */
    public static final Comparator<FollowUp> BY_DUE_DATE =
            Comparator.comparing(FollowUp::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(FollowUp::createdAt)
                    .thenComparing(FollowUp::id);

    private final CommandRecorder recorder;
    private final Alerts alerts;
    private final Clock clock;
    private final UserDirectory directory;

    /**
     * @param directory the people an owner may be
     */
    public FollowUps(
            CommandRecorder recorder, Alerts alerts, Clock clock, UserDirectory directory) {
        this.recorder = recorder;
        this.alerts = alerts;
        this.clock = clock;
        this.directory = directory;
    }

    /**
     * The one sentence every front end shows for an owner who is not a Pulse user; it reads after
     * the field's name ("owner ...").
     */
    public static String unknownOwner(String owner) {
        return "'"
                + owner
                + "' is not a Pulse user in users.yaml: a follow-up's owner must be a person of the"
                + " user directory (config/users.yaml); pick someone listed there, or ask an admin"
                + " to add them";
    }

    /** A follow-up on an account of the directory. */
    public FollowUpResult create(Caller caller, String tenantId, FollowUpDraft draft) {
        caller.require(Permission.KEEP_FOLLOW_UPS);
        if (draft.title() == null) {
            return new FollowUpResult.Invalid(
                    "title", "is required: 1 to " + FollowUpLifecycle.MAX_TITLE + " characters");
        }
        Optional<FollowUpResult.Invalid> invalid = invalid(caller, draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        FollowUpCommand command = createCommand(caller, null, draft);
        Optional<FollowUpResult.Invalid> broken = broken(command);
        if (broken.isPresent()) {
            return broken.get();
        }
        if (caller.reader().account(tenantId).isEmpty()) {
            return new FollowUpResult.NotFound("no account '" + tenantId + "' in the directory");
        }
        return recordCreate(tenantId, command);
    }

    /** A follow-up on an alert's account; without a title, the alert's explanation is one. */
    public FollowUpResult createFromAlert(Caller caller, String alertId, FollowUpDraft draft) {
        caller.require(Permission.KEEP_FOLLOW_UPS);
        Optional<FollowUpResult.Invalid> invalid = invalid(caller, draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<Alert> alert = alerts.find(caller, alertId);
        if (alert.isEmpty()) {
            return new FollowUpResult.NotFound("no alert '" + alertId + "'");
        }
        FollowUpDraft titled =
                draft.title() != null
                        ? draft
                        : new FollowUpDraft(
                                titleFrom(alert.get().explanation()),
                                draft.dueDate(),
                                draft.owner(),
                                draft.note());
        FollowUpCommand command = createCommand(caller, alertId, titled);
        Optional<FollowUpResult.Invalid> broken = broken(command);
        return broken.isPresent() ? broken.get() : recordCreate(alert.get().tenantId(), command);
    }

    /** Changes a follow-up; an unchanged result when the change changes nothing. */
    public FollowUpResult update(
            Caller caller, String tenantId, String followUpId, FollowUpChange change) {
        caller.require(Permission.KEEP_FOLLOW_UPS);
        Instant now = clock.instant();
        FollowUpCommand command =
                FollowUpCommand.update(
                        followUpId,
                        change.status(),
                        change.title(),
                        change.dueDate(),
                        change.clearDueDate(),
                        change.owner(),
                        change.note(),
                        caller.actor(),
                        now);
        Optional<FollowUpResult.Invalid> broken = broken(command);
        if (broken.isPresent()) {
            return broken.get();
        }
        Optional<FollowUp> current =
                caller.reader().followUps(tenantId).stream()
                        .filter(f -> f.id().equals(followUpId))
                        .findFirst();
        if (current.isEmpty()) {
            return new FollowUpResult.NotFound(
                    "no follow-up '" + followUpId + "' on account '" + tenantId + "'");
        }
        FollowUpLifecycle.Step step =
                FollowUpLifecycle.apply(current.get(), tenantId, command, now);
        if (step.outcome() == FollowUpLifecycle.Outcome.CONFLICT) {
            return new FollowUpResult.Conflict(step.reason());
        }
        if (step.changed()) {
            recorder.record(tenantId, command);
        }
        return new FollowUpResult.Accepted(step.followUp(), step.changed());
    }

    /** An account's follow-ups that match, by due date; empty when the account is unknown. */
    public Optional<List<FollowUp>> ofAccount(
            Caller caller, String tenantId, Predicate<FollowUp> matching) {
        caller.require(Permission.KEEP_FOLLOW_UPS);
        List<FollowUp> all = caller.reader().followUps(tenantId);
        if (all.isEmpty() && caller.reader().account(tenantId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sorted(all, matching));
    }

    /** One owner's follow-ups on the given account, or on every account the caller sees. */
    public List<FollowUp> ofOwner(
            Caller caller, String owner, Optional<String> tenantId, Predicate<FollowUp> matching) {
        return ofOwner(caller, owner, tenantId, account -> true, matching);
    }

    /**
     * As {@link #ofOwner(Caller, String, Optional, Predicate)}; without a tenant, over the accounts
     * {@code accounts} keeps (a segment's: {@code Segments.filter}).
     */
    public List<FollowUp> ofOwner(
            Caller caller,
            String owner,
            Optional<String> tenantId,
            Predicate<Account> accounts,
            Predicate<FollowUp> matching) {
        caller.require(Permission.KEEP_FOLLOW_UPS);
        List<String> tenants =
                tenantId.isPresent()
                        ? List.of(tenantId.get())
                        : caller.reader().accounts().stream()
                                .filter(accounts)
                                .map(Account::tenantId)
                                .toList();
        List<FollowUp> all = new ArrayList<>();
        for (String tenant : tenants) {
            all.addAll(caller.reader().followUps(tenant));
        }
        return sorted(all, matching.and(f -> owner.equalsIgnoreCase(f.owner())));
    }

    /** The alert's explanation, shortened to fit a title. */
    static String titleFrom(String explanation) {
        String text = explanation == null || explanation.isBlank() ? "Follow up" : explanation;
        String stripped = text.strip();
        int max = FollowUpLifecycle.MAX_TITLE;
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    private FollowUpResult recordCreate(String tenantId, FollowUpCommand command) {
        FollowUp created =
                FollowUpLifecycle.apply(null, tenantId, command, command.at()).followUp();
        recorder.record(tenantId, command);
        return new FollowUpResult.Accepted(created, true);
    }

    /** The lifecycle's rules first (an owner must look like an e-mail), then the directory. */
    private Optional<FollowUpResult.Invalid> broken(FollowUpCommand command) {
        Optional<FollowUpResult.Invalid> violated =
                FollowUpLifecycle.check(command)
                        .map(
                                violation ->
                                        new FollowUpResult.Invalid(
                                                violation.field(), violation.problem()));
        if (violated.isPresent() || command.owner() == null) {
            return violated;
        }
        return directory.find(command.owner()).isPresent()
                ? Optional.empty()
                : Optional.of(new FollowUpResult.Invalid("owner", unknownOwner(command.owner())));
    }

    /** The owner defaults to the creator, so a caller without an e-mail must name one. */
    private static Optional<FollowUpResult.Invalid> invalid(Caller caller, FollowUpDraft draft) {
        if (draft.owner() == null && caller.principal().email() == null) {
            return Optional.of(
                    new FollowUpResult.Invalid(
                            "owner",
                            "is required when the caller has no e-mail (e.g. an API key)"));
        }
        return Optional.empty();
    }

    private FollowUpCommand createCommand(Caller caller, String alertId, FollowUpDraft draft) {
        return FollowUpCommand.create(
                UUID.randomUUID().toString(),
                alertId,
                draft.title(),
                draft.dueDate(),
                draft.owner(),
                draft.note(),
                caller.actor(),
                clock.instant());
    }

    private static List<FollowUp> sorted(List<FollowUp> all, Predicate<FollowUp> matching) {
        List<FollowUp> found = new ArrayList<>(all.stream().filter(matching).toList());
        found.sort(BY_DUE_DATE);
        return found;
    }
}
