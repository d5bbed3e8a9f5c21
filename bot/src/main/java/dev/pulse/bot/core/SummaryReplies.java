package dev.pulse.bot.core;

import dev.pulse.access.summary.GroupSummary;
import dev.pulse.access.summary.RankedAccount;
import dev.pulse.access.summary.SummaryReport;
import dev.pulse.bot.command.DateRange;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "Summary last month": the {@code Summaries} use case's figures over the accounts the asker may
 * see, as a few fields and the lowest scores.
 */
final class SummaryReplies {
    /** How many of the lowest-scoring accounts the answer names. */
    static final int LOWEST = 3;

    private SummaryReplies() {}

    static Outcome summary(DateRange range, SummaryReport report) {
        GroupSummary all = report.overall();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("Accounts", String.valueOf(all.accounts())));
        fields.add(new Block.Field("At risk", String.valueOf(all.bands().atRisk())));
        fields.add(new Block.Field("Neutral", String.valueOf(all.bands().neutral())));
        fields.add(new Block.Field("Healthy", String.valueOf(all.bands().healthy())));
        if (all.averageScore() != null) {
            fields.add(
                    new Block.Field(
                            "Average score",
                            String.format(Locale.ROOT, "%.1f", all.averageScore())
                                    + (all.averageChange() == null
                                            ? ""
                                            : String.format(
                                                    Locale.ROOT,
                                                    " (%+.1f)",
                                                    all.averageChange()))));
        }
        BotReply.Builder reply =
                BotReply.builder()
                        .header(
                                "Summary "
                                        + range.fromInclusive()
                                        + " to "
                                        + range.toExclusive().minusDays(1))
                        .fields(fields);
        if (!report.bottom().isEmpty()) {
            reply.paragraph(
                    "Lowest scores: "
                            + report.bottom().stream()
                                    .limit(LOWEST)
                                    .map(SummaryReplies::named)
                                    .collect(Collectors.joining(", ")));
        }
        reply.context(
                all.scored() == 0
                        ? "No scores in that range yet."
                        : "Bands and scores at the end of the range; the change is against the day"
                                + " before it.");
        return Outcome.ok(reply.build(), report.tenantIds());
    }

    private static String named(RankedAccount account) {
        return String.format(Locale.ROOT, "%s %.0f", account.name(), account.score());
    }
}
