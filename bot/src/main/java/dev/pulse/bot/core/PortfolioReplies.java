package dev.pulse.bot.core;

import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Portfolios and at-risk lists as a compact table: account, score, band, trend, reason. */
final class PortfolioReplies {
    static final int MAX_ROWS = 25;

    private PortfolioReplies() {}

    static BotReply table(
            String title, List<Account> accounts, Map<String, HealthScore> scores, String empty) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(
                Comparator.comparingDouble(
                                (Account a) ->
                                        scores.containsKey(a.tenantId())
                                                ? scores.get(a.tenantId()).score()
                                                : Double.MAX_VALUE)
                        .thenComparing(Account::name));
        BotReply.Builder reply = BotReply.builder().header(title);
        if (sorted.isEmpty()) {
            return reply.paragraph(empty).build();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Account account : sorted.subList(0, Math.min(MAX_ROWS, sorted.size()))) {
            HealthScore s = scores.get(account.tenantId());
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
        if (sorted.size() > MAX_ROWS) {
            reply.context(
                    "Showing the "
                            + MAX_ROWS
                            + " lowest scores of "
                            + sorted.size()
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
