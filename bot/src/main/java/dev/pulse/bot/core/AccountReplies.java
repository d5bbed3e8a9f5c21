package dev.pulse.bot.core;

import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "How is Acme doing": score, band, trend, what drags it down, open alerts. */
final class AccountReplies {
    private AccountReplies() {}

    /**
     * @param score the account's current score, if it has one
     * @param firing its firing alerts
     */
    static Outcome status(Account account, Optional<HealthScore> score, List<Alert> firing) {
        BotReply.Builder reply = BotReply.builder().header(account.name());
        if (score.isEmpty()) {
            reply.paragraph("No usage events yet, so no health score.");
        } else {
            HealthScore s = score.get();
            List<Block.Field> fields = new ArrayList<>();
            fields.add(
                    new Block.Field(
                            "Score",
                            String.format(
                                    Locale.ROOT,
                                    "%.0f (%s)",
                                    s.score(),
                                    PortfolioReplies.band(s.band()))));
            fields.add(new Block.Field("7 days", orDash(PortfolioReplies.trend(s.delta7d()))));
            fields.add(new Block.Field("30 days", orDash(PortfolioReplies.trend(s.delta30d()))));
            fields.add(new Block.Field("Owner", account.owner() == null ? "–" : account.owner()));
            if (account.renewalDate() != null) {
                fields.add(new Block.Field("Renewal", account.renewalDate().toString()));
            }
            reply.fields(fields);
            if (s.contributions() != null && !s.contributions().isEmpty()) {
                List<String> drags =
                        s.contributions().stream()
                                .filter(c -> c.points() != null)
                                .sorted(Comparator.comparingDouble(Contribution::points))
                                .limit(3)
                                .map(
                                        c ->
                                                String.format(
                                                        Locale.ROOT,
                                                        "%s %.0f/100",
                                                        c.label(),
                                                        c.points()))
                                .toList();
                reply.paragraph("Weakest signals: " + String.join(", ", drags));
            }
        }
        if (firing.isEmpty()) {
            reply.context("No firing alerts.");
        } else {
            for (Alert alert : firing) {
                reply.paragraph(
                        "⚠ "
                                + alert.severity().label()
                                + " · "
                                + alert.ruleId()
                                + ": "
                                + alert.explanation()
                                + " (alert "
                                + alert.id()
                                + ")");
            }
        }
        return Outcome.ok(reply.build(), List.of(account.tenantId()));
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "–" : s;
    }
}
