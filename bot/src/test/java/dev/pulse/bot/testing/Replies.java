package dev.pulse.bot.testing;

import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationReason;
import dev.pulse.notify.model.OutboxEntry;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import java.time.Instant;
import java.util.List;

/** Replies and alert deliveries that adapter tests render. */
public final class Replies {
    public static final Instant AT = Instant.parse("2026-11-21T09:30:00Z");

    private Replies() {}

    /** A compact portfolio table with the trend words the engine writes ("up", "down"). */
    public static BotReply portfolioTable() {
        return BotReply.builder()
                .header("Your portfolio")
                .table(
                        new Block.Table(
                                List.of("Account", "Score", "Band", "Trend", "Reason"),
                                List.of(
                                        List.of("Acme", "48", "at-risk", "down", "no logins 8d"),
                                        List.of("Globex", "82", "healthy", "up", "usage +20%"))))
                .context("As of 2026-11-21 09:00 UTC")
                .build();
    }

    /** A portfolio answer with every kind of block. */
    public static BotReply portfolio() {
        return BotReply.builder()
                .header("Your portfolio")
                .paragraph("3 accounts, 1 at risk.")
                .fields(List.of(new Block.Field("At risk", "1"), new Block.Field("Healthy", "2")))
                .table(
                        new Block.Table(
                                List.of("Account", "Score", "Band", "Trend", "Reason"),
                                List.of(
                                        List.of("Acme Corp", "31", "at-risk", "↓", "usage -60%"),
                                        List.of("Jasper Health", "72", "healthy", "↑", "-"))))
                .actions(
                        List.of(
                                Button.action(
                                        "Acknowledge",
                                        ButtonAction.ACK_ALERT,
                                        "acme/gone-silent",
                                        Button.Style.PRIMARY),
                                Button.action(
                                        "Resolve",
                                        ButtonAction.RESOLVE_ALERT,
                                        "acme/gone-silent",
                                        Button.Style.DANGER),
                                Button.link(
                                        "Open account", "https://pulse.example.com/accounts/acme")))
                .context("As of 09:30 UTC")
                .build();
    }

    public static Notification notification(String recipient, String alertId, String account) {
        return new Notification(
                "0001763717400000-" + alertId.hashCode(),
                recipient,
                NotificationReason.FIRED,
                alertId,
                "acme",
                account,
                "gone-silent",
                Severity.CRITICAL,
                AlertState.FIRING,
                account + " has had no logins for 7 days (usually 40 a day).",
                "/accounts/acme",
                AT,
                AT,
                List.of("teams", "discord"),
                true,
                null,
                null);
    }

    /** The bytes every scheduled report file of {@link #REPORTS} has. */
    public static final byte[] REPORT_BYTES =
            "%PDF-1.7 scheduled".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Renders every run as a small PDF named after its account. */
    public static final dev.pulse.notify.channel.ReportFiles REPORTS =
            run ->
                    new dev.pulse.notify.channel.ReportFiles.ReportFile(
                            "review-" + run.tenant() + ".pdf", "application/pdf", REPORT_BYTES);

    /** A weekly run of schedule {@code rs-abc} for {@code recipient}'s account acme. */
    public static Notification scheduledReport(String recipient, String channel) {
        dev.pulse.notify.model.ReportRun run =
                new dev.pulse.notify.model.ReportRun(
                        "rs-abc",
                        AT,
                        "account",
                        "acme",
                        null,
                        null,
                        "pdf",
                        java.time.LocalDate.parse("2026-11-14"),
                        java.time.LocalDate.parse("2026-11-20"),
                        recipient,
                        "Weekly report: account acme (2026-11-14 to 2026-11-20)",
                        null);
        return Notification.scheduledReport(run, recipient, List.of(channel));
    }

    public static Delivery delivery(String channel, Notification... notifications) {
        List<OutboxEntry> entries =
                java.util.Arrays.stream(notifications)
                        .map(
                                n ->
                                        new OutboxEntry(
                                                OutboxEntry.key(n, channel),
                                                channel,
                                                n,
                                                AT,
                                                notifications.length > 1,
                                                0,
                                                AT,
                                                null))
                        .toList();
        return new Delivery(
                "d-" + notifications[0].id(), channel, notifications[0].recipient(), entries);
    }
}
