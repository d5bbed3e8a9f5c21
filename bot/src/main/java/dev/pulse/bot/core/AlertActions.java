package dev.pulse.bot.core;

import dev.pulse.access.accounts.Accounts;
import dev.pulse.access.alerts.AlertActionResult;
import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.followups.FollowUpDraft;
import dev.pulse.access.followups.FollowUpResult;
import dev.pulse.access.followups.FollowUps;
import dev.pulse.bot.command.AlertFilter;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.followup.FollowUp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alerts from chat: listing, and ack / snooze / resolve / follow-up published as the same commands
 * the API publishes, after the same checks (role, scope, the alert's state).
 */
final class AlertActions {
    private static final int MAX_LISTED = 15;

    private final Alerts alerts;
    private final FollowUps followUps;
    private final Accounts accounts;
    private final Clock clock;
    private final String linkBaseUrl;

    AlertActions(
            Alerts alerts,
            FollowUps followUps,
            Accounts accounts,
            Clock clock,
            String linkBaseUrl) {
        this.alerts = alerts;
        this.followUps = followUps;
        this.accounts = accounts;
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
        Alerts.OwnAlerts found = alerts.ofCaller(asker.caller(), a -> matches(a, filter));
        boolean own = found.own();
        List<Alert> matching = found.alerts();
        String what = filter == null ? "open" : filter.word();
        BotReply.Builder reply =
                BotReply.builder()
                        .header(
                                capitalize(what)
                                        + " alerts"
                                        + (own ? " on your accounts" : " in your scope")
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

    List<Alert> firing(Asker asker, Account account) {
        return alerts.of(
                asker.caller(), List.of(account.tenantId()), a -> a.state() == AlertState.FIRING);
    }

    /** The account's one firing alert, or the one of the named rule. */
    Outcome withAlertOf(
            Asker asker, Account account, Optional<String> rule, Function<String, Outcome> then) {
        List<Alert> open =
                alerts.of(
                        asker.caller(),
                        List.of(account.tenantId()),
                        a ->
                                a.state() != AlertState.RESOLVED
                                        && (rule.isEmpty()
                                                || a.ruleId().contains(rule.get())
                                                || a.kind()
                                                        .name()
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains(rule.get().replace('-', '_'))));
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

    Outcome followUp(Asker asker, Account account, String title, LocalDate due) {
        FollowUpDraft draft = new FollowUpDraft(title.strip(), due, null, null);
        return followUpReply(
                account.name(), followUps.create(asker.caller(), account.tenantId(), draft));
    }

    private Outcome followUpFromAlert(Asker asker, String alertId) {
        FollowUpDraft draft = new FollowUpDraft(null, null, null, null);
        FollowUpResult result = followUps.createFromAlert(asker.caller(), alertId, draft);
        String name =
                result instanceof FollowUpResult.Accepted accepted
                        ? accounts.account(asker.caller(), accepted.followUp().tenantId())
                                .map(Account::name)
                                .orElse(accepted.followUp().tenantId())
                        : alertId;
        return followUpReply(name, result);
    }

    private static Outcome followUpReply(String accountName, FollowUpResult result) {
        if (result instanceof FollowUpResult.Accepted accepted) {
            FollowUp created = accepted.followUp();
            return new Outcome(
                    BotReply.plain(
                            "Follow-up created on "
                                    + accountName
                                    + ": “"
                                    + created.title()
                                    + "”"
                                    + (created.dueDate() == null
                                            ? ""
                                            : ", due " + created.dueDate())
                                    + ". It is yours; list them with GET /v1/follow-ups."),
                    202,
                    List.of(created.tenantId()),
                    "follow-up " + created.id());
        }
        if (result instanceof FollowUpResult.Invalid invalid) {
            return Outcome.status(
                    400,
                    "That follow-up can't be created: its "
                            + invalid.field()
                            + " "
                            + invalid.problem()
                            + ".",
                    "invalid " + invalid.field());
        }
        String reason =
                result instanceof FollowUpResult.NotFound notFound
                        ? notFound.reason()
                        : ((FollowUpResult.Conflict) result).reason();
        return Outcome.status(
                result instanceof FollowUpResult.NotFound ? 404 : 409,
                "I can't do that: " + reason + ".",
                reason);
    }

    private Outcome act(Asker asker, String alertId, AlertAction action, Instant until) {
        AlertActionResult result =
                alerts.act(
                        asker.caller(), alertId, action, until, "via " + asker.chat().platform());
        if (result instanceof AlertActionResult.NotFound) {
            return Outcome.status(
                    404,
                    "I can't find alert '" + alertId + "'. `alerts` lists yours with their ids.",
                    "unknown alert " + alertId);
        }
        if (result instanceof AlertActionResult.Conflict conflict) {
            return new Outcome(
                    BotReply.plain(capitalize(conflict.reason()) + "."),
                    409,
                    List.of(conflict.alert().tenantId()),
                    "does not fit state " + conflict.alert().state());
        }
        Alert current = ((AlertActionResult.Accepted) result).alert();
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

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
