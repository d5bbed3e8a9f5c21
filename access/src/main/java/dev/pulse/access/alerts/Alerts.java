package dev.pulse.access.alerts;

import dev.pulse.access.accounts.Accounts;
import dev.pulse.access.command.CommandRecorder;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Permission;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The alerts a caller sees and the actions they take on them. An action needs {@link
 * Permission#ACT_ON_ALERTS}; the alert is read through the caller's scope (outside it: {@link
 * dev.pulse.access.security.AccessDeniedException}); the command must change the alert ({@link
 * AlertLifecycle}, the function the topology applies), else it is a conflict.
 */
public final class Alerts {
    /** Newest state change first: resolution, else firing, else first sight; then by id. */
    public static final Comparator<Alert> NEWEST_FIRST =
            Comparator.comparing(Alerts::changedAt, Comparator.reverseOrder())
                    .thenComparing(Alert::id, Comparator.naturalOrder());

    private final CommandRecorder recorder;
    private final Clock clock;

    public Alerts(CommandRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** One alert by its id ({@code tenant/rule}), read by its key. */
    public Optional<Alert> find(Caller caller, String alertId) {
        int slash = alertId == null ? -1 : alertId.indexOf('/');
        if (slash <= 0 || slash == alertId.length() - 1) {
            return Optional.empty();
        }
        return caller.reader().alert(alertId.substring(0, slash), alertId.substring(slash + 1));
    }

    /**
     * Every state change of a known tenant's alerts dated in {@code [from, to)}, of one rule or
     * all, oldest first; empty when the tenant is unknown.
     */
    public Optional<List<AlertTransition>> history(
            Caller caller, String tenantId, Optional<String> rule, Instant from, Instant to) {
        if (!Accounts.known(caller.reader(), tenantId)) {
            return Optional.empty();
        }
        return Optional.of(
                caller.reader().alertHistory(tenantId, from, to).stream()
                        .filter(t -> rule.isEmpty() || rule.get().equals(t.ruleId()))
                        .toList());
    }

    /**
     * The matching alerts of the given accounts, newest change first.
     *
     * @param tenantIds the accounts to look at; each must be in the caller's scope
     */
    public List<Alert> of(Caller caller, List<String> tenantIds, Predicate<Alert> matching) {
        List<Alert> found = new ArrayList<>();
        for (String tenant : tenantIds) {
            caller.reader().alerts(tenant).stream().filter(matching).forEach(found::add);
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** The matching alerts of the accounts {@code owner} owns, or of every visible account. */
    public List<Alert> ofOwner(Caller caller, Optional<String> owner, Predicate<Alert> matching) {
        return ofOwner(caller, owner, account -> true, matching);
    }

    /**
     * As {@link #ofOwner(Caller, Optional, Predicate)}, over the accounts {@code accounts} keeps (a
     * segment's: {@code Segments.filter}); the others' alerts are not read.
     */
    public List<Alert> ofOwner(
            Caller caller,
            Optional<String> owner,
            Predicate<Account> accounts,
            Predicate<Alert> matching) {
        List<String> tenants =
                owner
                        .map(o -> caller.reader().accountsOwnedBy(List.of(o)))
                        .orElseGet(() -> caller.reader().accounts())
                        .stream()
                        .filter(accounts)
                        .map(Account::tenantId)
                        .toList();
        return of(
                caller,
                tenants,
                matching.and(a -> owner.isEmpty() || owner.get().equalsIgnoreCase(a.owner())));
    }

    /**
     * The matching alerts of the accounts the caller owns; when they own none (a manager, an
     * admin), of every account they see.
     */
    public OwnAlerts ofCaller(Caller caller, Predicate<Alert> matching) {
        String email = caller.principal().email();
        boolean ownsAccounts =
                email != null && !caller.reader().accountsOwnedBy(List.of(email)).isEmpty();
        return new OwnAlerts(
                ownsAccounts,
                ofOwner(caller, ownsAccounts ? Optional.of(email) : Optional.empty(), matching));
    }

    /** Alerts for a caller, and whether they are of the caller's own accounts. */
    public record OwnAlerts(boolean own, List<Alert> alerts) {}

    /**
     * Records a person's action on an alert.
     *
     * @param until end of a snooze; null for other actions
     * @param note free text kept with the command; may be null
     */
    public AlertActionResult act(
            Caller caller, String alertId, AlertAction action, Instant until, String note) {
        caller.require(Permission.ACT_ON_ALERTS);
        Optional<Alert> found = find(caller, alertId);
        if (found.isEmpty()) {
            return new AlertActionResult.NotFound(alertId);
        }
        Alert current = found.get();
        Instant now = clock.instant();
        AlertCommand command =
                new AlertCommand(
                        current.id(), action, until, caller.principal().subject(), now, note);
        if (!AlertLifecycle.apply(current, command, now).changed()) {
            return new AlertActionResult.Conflict(current, conflict(current, action));
        }
        recorder.record(current.tenantId(), command);
        return new AlertActionResult.Accepted(current, command);
    }

    private static String conflict(Alert alert, AlertAction action) {
        return "alert '"
                + alert.id()
                + "' is "
                + alert.state().label()
                + acknowledgement(alert)
                + "; it cannot be "
                + past(action)
                + " now";
    }

    /** " and acknowledged by sam@…" for an acknowledged alert, else nothing. */
    private static String acknowledgement(Alert alert) {
        if (alert.acknowledgedAt() == null) {
            return "";
        }
        return alert.actedBy() == null
                ? " and acknowledged"
                : " and acknowledged by " + alert.actedBy();
    }

    private static String past(AlertAction action) {
        return switch (action) {
            case ACK -> "acknowledged";
            case SNOOZE -> "snoozed";
            case RESOLVE -> "resolved";
        };
    }

    private static Instant changedAt(Alert alert) {
        if (alert.resolvedAt() != null) {
            return alert.resolvedAt();
        }
        return alert.firedAt() != null ? alert.firedAt() : alert.firstSeenAt();
    }
}
