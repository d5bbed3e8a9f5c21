package dev.pulse.bot.core;

import dev.pulse.access.security.Role;
import dev.pulse.bot.command.AlertFilter;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertLifecycle;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.followup.FollowUpCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Alerts from chat: listing, and ack / snooze / resolve / follow-up published as the same commands
 * the API publishes, after the same checks (role, scope, the alert's state).
 */
final class AlertActions {
    private static final int MAX_LISTED = 15;
    private static final int MAX_TITLE = 200;

    private final EventPublisher publisher;
    private final Clock clock;
    private final String linkBaseUrl;

    AlertActions(EventPublisher publisher, Clock clock, String linkBaseUrl) {
        this.publisher = publisher;
        this.clock = clock;
        this.linkBaseUrl = linkBaseUrl;
    }

    Outcome press(Asker asker, ButtonAction action, String alertId) {
        return switch (action) {
            case ACK_ALERT -> ack(asker, alertId);
            case SNOOZE_ALERT_1D -> snooze(asker, alertId, Duration.ofDays(1));
            case SNOOZE_ALERT_7D -> snooze(asker, alertId, Duration.ofDays(7));
            case RESOLVE_ALERT -> resolve(asker, alertId);
            case FOLLOW_UP_ALERT -> followUpFromAlert(asker, alertId);
        };
    }

    Outcome list(Asker asker, AlertFilter filter) {
        List<Account> visible = asker.reader().accounts();
        List<Account> own =
                visible.stream()
                        .filter(a -> asker.person().email().equalsIgnoreCase(a.owner()))
                        .toList();
        List<Account> accounts = own.isEmpty() ? visible : own;
        List<Alert> matching = new ArrayList<>();
        for (Account account : accounts) {
            asker.reader().alerts(account.tenantId()).stream()
                    .filter(a -> matches(a, filter))
                    .forEach(matching::add);
        }
        matching.sort(Comparator.comparing(AlertActions::changedAt, Comparator.reverseOrder()));
        String what = filter == null ? "open" : filter.word();
        BotReply.Builder reply =
                BotReply.builder()
                        .header(
                                capitalize(what)
                                        + " alerts"
                                        + (own.isEmpty() ? " in your scope" : " on your accounts")
                                        + " ("
                                        + matching.size()
                                        + ")");
        if (matching.isEmpty()) {
            reply.paragraph("None. 🎉");
        }
        for (Alert alert : matching.subList(0, Math.min(MAX_LISTED, matching.size()))) {
            reply.paragraph(
                    alert.severity().label().toUpperCase(Locale.ROOT)
                            + " · "
                            + alert.explanation()
                            + "\n"
                            + state(alert)
                            + " · alert "
                            + alert.id());
        }
        reply.context(
                "Act on one with `ack <alert id>`, `snooze <alert id> 1d` or `resolve <alert"
                        + " id>`.");
        return Outcome.ok(
                reply.build(), matching.stream().map(Alert::tenantId).distinct().toList());
    }

    Outcome ack(Asker asker, String alertId) {
        return act(asker, alertId, AlertAction.ACK, null);
    }

    Outcome snooze(Asker asker, String alertId, Duration duration) {
        return act(asker, alertId, AlertAction.SNOOZE, clock.instant().plus(duration));
    }

    Outcome resolve(Asker asker, String alertId) {
        return act(asker, alertId, AlertAction.RESOLVE, null);
    }

    /** The account's one firing alert, or the one of the named rule. */
    Outcome withAlertOf(
            Asker asker, Account account, Optional<String> rule, Function<String, Outcome> then) {
        List<Alert> open =
                asker.reader().alerts(account.tenantId()).stream()
                        .filter(a -> a.state() != AlertState.RESOLVED)
                        .filter(
                                a ->
                                        rule.isEmpty()
                                                || a.ruleId().contains(rule.get())
                                                || a.kind()
                                                        .name()
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains(rule.get().replace('-', '_')))
                        .toList();
        if (open.size() == 1) {
            return then.apply(open.get(0).id());
        }
        if (open.isEmpty()) {
            return Outcome.status(
                    404,
                    account.name()
                            + " has no open alert"
                            + rule.map(r -> " for '" + r + "'").orElse("")
                            + ".",
                    "no open alert on " + account.tenantId());
        }
        return Outcome.status(
                404,
                account.name()
                        + " has "
                        + open.size()
                        + " open alerts; say which: "
                        + String.join(", ", open.stream().map(Alert::id).toList()),
                "several open alerts on " + account.tenantId());
    }

    Outcome followUp(Asker asker, Account account, String alertId, String title, LocalDate due) {
        if (!mayAct(asker)) {
            return refusedRole(asker);
        }
        String trimmed = title.strip();
        if (trimmed.isEmpty()) {
            return Outcome.status(400, "A follow-up needs a title.", "empty title");
        }
        if (trimmed.length() > MAX_TITLE) {
            trimmed = trimmed.substring(0, MAX_TITLE - 1) + "…";
        }
        String id = UUID.randomUUID().toString();
        FollowUpCommand command =
                FollowUpCommand.create(
                        id,
                        alertId,
                        trimmed,
                        due,
                        asker.person().email(),
                        null,
                        asker.principal().subject(),
                        clock.instant());
        publish(publisher.publishFollowUpCommand(account.tenantId(), command));
        return new Outcome(
                BotReply.plain(
                        "Follow-up created on "
                                + account.name()
                                + ": “"
                                + trimmed
                                + "”"
                                + (due == null ? "" : ", due " + due)
                                + ". It is yours; list them with GET /v1/follow-ups."),
                202,
                List.of(account.tenantId()),
                "follow-up " + id);
    }

    private Outcome followUpFromAlert(Asker asker, String alertId) {
        Alert alert = find(asker, alertId);
        if (alert == null) {
            return unknown(alertId);
        }
        Account account =
                asker.reader()
                        .account(alert.tenantId())
                        .orElse(
                                new Account(
                                        alert.tenantId(),
                                        alert.tenantId(),
                                        alert.owner(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null));
        return followUp(asker, account, alertId, "Follow up: " + alert.explanation(), null);
    }

    private Outcome act(Asker asker, String alertId, AlertAction action, Instant until) {
        if (!mayAct(asker)) {
            return refusedRole(asker);
        }
        Alert current = find(asker, alertId);
        if (current == null) {
            return unknown(alertId);
        }
        Instant now = clock.instant();
        AlertCommand command =
                new AlertCommand(
                        alertId,
                        action,
                        until,
                        asker.principal().subject(),
                        now,
                        "via " + asker.chat().platform());
        if (!AlertLifecycle.apply(current, command, now).changed()) {
            return new Outcome(
                    BotReply.plain(
                            "Alert "
                                    + alertId
                                    + " is "
                                    + state(current)
                                    + "; it cannot be "
                                    + past(action)
                                    + " now."),
                    409,
                    List.of(current.tenantId()),
                    "does not fit state " + current.state());
        }
        publish(publisher.publishAlertCommand(current.tenantId(), command));
        String text =
                switch (action) {
                    case ACK ->
                            "✅ Acknowledged by "
                                    + asker.person().name()
                                    + ": "
                                    + current.explanation();
                    case SNOOZE -> "😴 Snoozed until " + until + ": " + current.explanation();
                    case RESOLVE ->
                            "☑️ Resolved by "
                                    + asker.person().name()
                                    + ": "
                                    + current.explanation();
                };
        return new Outcome(
                BotReply.builder()
                        .paragraph(text)
                        .context("Alert " + alertId + " · " + linkBaseUrl + current.link())
                        .build(),
                202,
                List.of(current.tenantId()),
                action.name().toLowerCase(Locale.ROOT) + " " + alertId);
    }

    /** The alert, read through the asker's scope (out of scope: AccessDeniedException). */
    private static Alert find(Asker asker, String alertId) {
        int slash = alertId == null ? -1 : alertId.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String tenant = alertId.substring(0, slash);
        return asker.reader().alerts(tenant).stream()
                .filter(a -> a.id().equals(alertId))
                .findFirst()
                .orElse(null);
    }

    private static boolean mayAct(Asker asker) {
        Role role = asker.principal().role();
        return role.canRead() && role != Role.CUSTOMER_ADMIN;
    }

    private static Outcome refusedRole(Asker asker) {
        return Outcome.status(
                403,
                "Sorry, acting on alerts needs role viewer, analyst, manager or admin; you have "
                        + asker.principal().role().label()
                        + ".",
                "role " + asker.principal().role().label());
    }

    private static Outcome unknown(String alertId) {
        return Outcome.status(
                404,
                "I can't find alert '" + alertId + "'. `alerts` lists yours with their ids.",
                "unknown alert " + alertId);
    }

    private static void publish(CompletableFuture<Void> send) {
        try {
            send.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new dev.pulse.streams.read.StateUnavailableException(
                    "the command could not be recorded", Duration.ofSeconds(2), e);
        }
    }

    private static boolean matches(Alert alert, AlertFilter filter) {
        if (filter == null) {
            return alert.state() != AlertState.RESOLVED;
        }
        return switch (filter) {
            case FIRING -> alert.state() == AlertState.FIRING;
            case PENDING -> alert.state() == AlertState.PENDING;
            case ACKNOWLEDGED ->
                    alert.state() == AlertState.FIRING && alert.acknowledgedAt() != null;
            case SNOOZED -> alert.state() == AlertState.FIRING && alert.snoozedUntil() != null;
            case RESOLVED -> alert.state() == AlertState.RESOLVED;
        };
    }

    private static String state(Alert alert) {
        String state = alert.state().label();
        String by = alert.actedBy() == null ? "" : " by " + alert.actedBy();
        if (alert.snoozedUntil() != null) {
            return state + ", snoozed until " + alert.snoozedUntil() + by;
        }
        return alert.acknowledgedAt() != null ? state + ", acknowledged" + by : state;
    }

    private static Instant changedAt(Alert alert) {
        if (alert.resolvedAt() != null) {
            return alert.resolvedAt();
        }
        return alert.firedAt() != null ? alert.firedAt() : alert.firstSeenAt();
    }

    private static String past(AlertAction action) {
        return switch (action) {
            case ACK -> "acknowledged";
            case SNOOZE -> "snoozed";
            case RESOLVE -> "resolved";
        };
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
