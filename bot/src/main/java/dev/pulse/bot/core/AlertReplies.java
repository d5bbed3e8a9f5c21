package dev.pulse.bot.core;

import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationReason;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An alert notification as a chat message: what and why in one sentence, when, and the buttons to
 * act on it (Acknowledge, Snooze 1d/7d, Create follow-up, Open account). Every platform's alert
 * message is this reply, rendered.
 */
public final class AlertReplies {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AlertReplies() {}

    /**
     * @param linkBaseUrl prefix of the account link, e.g. {@code https://pulse.example.com}
     */
    public static BotReply of(Notification n, String linkBaseUrl) {
        String title =
                icon(n)
                        + " "
                        + n.severity().label().toUpperCase(Locale.ROOT)
                        + " · "
                        + n.accountName()
                        + headline(n.reason());
        BotReply.Builder reply =
                BotReply.builder()
                        .header(title)
                        .paragraph(n.explanation())
                        .fields(
                                List.of(
                                        new Block.Field("Rule", n.ruleId()),
                                        new Block.Field("Since", WHEN.format(n.alertChangedAt())),
                                        new Block.Field("Alert", n.alertId())));
        List<Button> buttons = new ArrayList<>();
        if (n.reason() != NotificationReason.RESOLVED) {
            buttons.add(
                    Button.action(
                            "Acknowledge",
                            ButtonAction.ACK_ALERT,
                            n.alertId(),
                            Button.Style.PRIMARY));
            buttons.add(
                    Button.action(
                            "Snooze 1d",
                            ButtonAction.SNOOZE_ALERT_1D,
                            n.alertId(),
                            Button.Style.DEFAULT));
            buttons.add(
                    Button.action(
                            "Snooze 7d",
                            ButtonAction.SNOOZE_ALERT_7D,
                            n.alertId(),
                            Button.Style.DEFAULT));
            buttons.add(
                    Button.action(
                            "Create follow-up",
                            ButtonAction.FOLLOW_UP_ALERT,
                            n.alertId(),
                            Button.Style.DEFAULT));
        }
        buttons.add(Button.link("Open account", linkBaseUrl + n.link()));
        return reply.actions(buttons).build();
    }

    private static String icon(Notification n) {
        if (n.reason() == NotificationReason.RESOLVED) {
            return "✅";
        }
        return switch (n.severity()) {
            case CRITICAL -> "🔴";
            case WARNING -> "🟠";
            case INFO -> "🔵";
        };
    }

    private static String headline(NotificationReason reason) {
        return switch (reason) {
            case FIRED -> "";
            case REMINDER -> " (still firing)";
            case SNOOZE_ENDED -> " (snooze ended, still firing)";
            case RESOLVED -> " (resolved)";
            case SCHEDULED_REPORT -> " (scheduled report)";
        };
    }
}
