package dev.pulse.bot.core;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.segments.Membership;
import dev.pulse.access.segments.SegmentListing;
import dev.pulse.access.segments.Segments;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.topologies.health.Band;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Segments" and "how is the enterprise segment doing": the {@code Segments} use case's listing and
 * members, counted over the accounts the asker may see, as fields and the riskiest members.
 */
final class SegmentReplies {
    /** How many of a segment's riskiest members the answer names. */
    static final int RISKIEST = 5;

    private final Segments segments;

    SegmentReplies(Segments segments) {
        this.segments = segments;
    }

    Outcome list(Asker asker) {
        List<SegmentListing> listings = segments.list(asker.caller());
        if (listings.isEmpty()) {
            return Outcome.ok(
                    BotReply.plain(
                            "No saved segments yet. Analysts save them in the dashboard (Segments)"
                                    + " or with POST /v1/segments."),
                    List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        for (SegmentListing listing : listings) {
            rows.add(
                    List.of(
                            listing.segment().name(),
                            String.valueOf(listing.size()),
                            average(listing.averageScore())));
        }
        BotReply reply =
                BotReply.builder()
                        .header("Segments")
                        .table(new Block.Table(List.of("Segment", "Accounts", "Average"), rows))
                        .context("Counted over the accounts you may see.")
                        .build();
        return Outcome.ok(reply, List.of());
    }

    Outcome status(Asker asker, String name) {
        List<SegmentListing> listings = segments.list(asker.caller());
        Optional<SegmentListing> found = byName(listings, name);
        if (found.isEmpty()) {
            String known =
                    listings.isEmpty()
                            ? "There are no saved segments yet."
                            : "Segments: "
                                    + listings.stream()
                                            .map(l -> l.segment().name())
                                            .sorted()
                                            .collect(Collectors.joining(", "))
                                    + ".";
            return Outcome.status(404, "I know no segment named " + name + ". " + known, name);
        }
        SegmentListing listing = found.get();
        Membership members = segments.members(asker.caller(), listing.segment().id());
        List<PortfolioEntry> entries = members.entries();
        long atRisk = entries.stream().filter(e -> e.score() != null && e.score().atRisk()).count();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("Accounts", String.valueOf(members.size())));
        fields.add(new Block.Field("Average score", average(members.averageScore())));
        fields.add(new Block.Field("At risk", String.valueOf(atRisk)));
        fields.add(new Block.Field("Healthy", String.valueOf(count(entries, Band.HEALTHY))));
        BotReply.Builder reply = BotReply.builder().header(listing.segment().name()).fields(fields);
        List<String> riskiest =
                entries.stream()
                        .filter(e -> e.score() != null && e.score().band() != Band.HEALTHY)
                        .limit(RISKIEST)
                        .map(
                                e ->
                                        String.format(
                                                Locale.ROOT,
                                                "%s %.0f %s",
                                                e.account().name(),
                                                e.score().score(),
                                                PortfolioReplies.trend(e.score().delta7d())))
                        .toList();
        if (!riskiest.isEmpty()) {
            reply.paragraph("Riskiest: " + String.join(", ", riskiest));
        }
        reply.context("Counted over the accounts you may see; the dashboard shows its trend.");
        return Outcome.ok(
                reply.build(), entries.stream().map(e -> e.account().tenantId()).toList());
    }

    /** Exact name first (letter case aside), then the only name that contains the words. */
    private static Optional<SegmentListing> byName(List<SegmentListing> listings, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (SegmentListing listing : listings) {
            if (listing.segment().name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(listing);
            }
        }
        List<SegmentListing> containing =
                listings.stream()
                        .filter(l -> l.segment().name().toLowerCase(Locale.ROOT).contains(wanted))
                        .toList();
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }

    private static long count(List<PortfolioEntry> entries, Band band) {
        return entries.stream().filter(e -> e.score() != null && e.score().band() == band).count();
    }

    private static String average(Double score) {
        return score == null ? "–" : String.format(Locale.ROOT, "%.1f", score);
    }
}
