package dev.pulse.bot.core;

import dev.pulse.bot.command.DateRange;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Summary last month": over the accounts the asker may see, how many are in each band now, and how
 * the average end-of-day score moved across the range.
 */
final class SummaryReplies {
    private SummaryReplies() {}

    static Outcome summary(Asker asker, DateRange range) {
        List<Account> accounts = asker.reader().accounts();
        List<String> tenants = accounts.stream().map(Account::tenantId).toList();
        Map<String, HealthScore> now = asker.reader().currentScores(tenants);
        Map<Band, Integer> bands = new EnumMap<>(Band.class);
        now.values().forEach(s -> bands.merge(s.band(), 1, Integer::sum));
        double startSum = 0;
        double endSum = 0;
        int compared = 0;
        int fellIntoRisk = 0;
        for (String tenant : tenants) {
            List<HealthScore> days =
                    asker.reader()
                            .dailyScores(
                                    tenant,
                                    range.fromInclusive().atStartOfDay().toInstant(ZoneOffset.UTC),
                                    range.toExclusive().atStartOfDay().toInstant(ZoneOffset.UTC));
            if (days.size() >= 2) {
                HealthScore first = days.get(0);
                HealthScore last = days.get(days.size() - 1);
                startSum += first.score();
                endSum += last.score();
                compared++;
                if (first.band() != Band.AT_RISK && last.band() == Band.AT_RISK) {
                    fellIntoRisk++;
                }
            }
        }
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("Accounts", String.valueOf(accounts.size())));
        fields.add(
                new Block.Field(
                        "At risk now", String.valueOf(bands.getOrDefault(Band.AT_RISK, 0))));
        fields.add(
                new Block.Field(
                        "Neutral now", String.valueOf(bands.getOrDefault(Band.NEUTRAL, 0))));
        fields.add(
                new Block.Field(
                        "Healthy now", String.valueOf(bands.getOrDefault(Band.HEALTHY, 0))));
        if (compared > 0) {
            fields.add(
                    new Block.Field(
                            "Average score",
                            String.format(
                                    Locale.ROOT,
                                    "%.1f → %.1f",
                                    startSum / compared,
                                    endSum / compared)));
            fields.add(new Block.Field("Fell into at risk", String.valueOf(fellIntoRisk)));
        }
        BotReply reply =
                BotReply.builder()
                        .header(
                                "Summary "
                                        + range.fromInclusive()
                                        + " to "
                                        + range.toExclusive().minusDays(1))
                        .fields(fields)
                        .context(
                                compared == 0
                                        ? "No end-of-day scores in that range yet."
                                        : "Average over the "
                                                + compared
                                                + " accounts with scores on at least two days of"
                                                + " the range; bands as of now.")
                        .build();
        return Outcome.ok(reply, tenants);
    }
}
