package dev.pulse.bot.core;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Portfolios and at-risk lists as a compact table: account, score, band, trend, reason. */
final class PortfolioReplies {
    static final int MAX_ROWS = 25;

    private PortfolioReplies() {}

    /** The entries in their given order, at most {@link #MAX_ROWS} of them. */
    static BotReply table(String title, List<PortfolioEntry> entries, String empty) {
        BotReply.Builder reply = BotReply.builder().header(title);
        if (entries.isEmpty()) {
            return reply.paragraph(empty).build();
        }
        List<List<String>> rows = new ArrayList<>();
        for (PortfolioEntry entry : entries.subList(0, Math.min(MAX_ROWS, entries.size()))) {
            Account account = entry.account();
            HealthScore s = entry.score();
            rows.add(
                    s == null
                            ? List.of(account.name(), "–", "no data", "", "no events yet")
                            : List.of(
                                    account.name(),
                                    String.format(Locale.ROOT, "%.0f", s.score()),
                                    band(s.band()),
                                    trend(s.delta7d()),
                                    s.topReason() == null ? "" : s.topReason()));
        }
        reply.table(
                new Block.Table(List.of("Account", "Score", "Band", "7d", "Main reason"), rows));
        if (entries.size() > MAX_ROWS) {
            reply.context(
                    "Showing the "
                            + MAX_ROWS
                            + " riskiest of "
                            + entries.size()
                            + " accounts; the API has them all (GET /v1/portfolio).");
        }
        return reply.build();
    }

    static String band(Band band) {
        return switch (band) {
            case AT_RISK -> "at risk";
            case NEUTRAL -> "neutral";
            case HEALTHY -> "healthy";
        };
    }

    /** ▲ up, ▼ down, ▶ flat (within one point), with the 7-day change. */
    static String trend(Double delta) {
        if (delta == null) {
            return "";
        }
        String arrow = delta > 1 ? "▲" : delta < -1 ? "▼" : "▶";
        return String.format(Locale.ROOT, "%s %+.0f", arrow, delta);
    }
}
