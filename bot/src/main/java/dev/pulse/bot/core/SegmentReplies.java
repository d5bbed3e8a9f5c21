package dev.pulse.bot.core;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.segments.InvalidSegmentException;
import dev.pulse.access.segments.Membership;
import dev.pulse.access.segments.Segment;
import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.access.segments.SegmentListing;
import dev.pulse.access.segments.SegmentNameTakenException;
import dev.pulse.access.segments.SegmentRequest;
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
 * "Segments", "how is the enterprise segment doing", "save segment …" and "delete segment …": the
 * {@code Segments} use case's listing, members, create and delete, counted over the accounts the
 * asker may see. Saving and deleting are decided by the use case (role, maker, name taken); this
 * class only says its answer in words.
 */
final class SegmentReplies {
    /** How many of a segment's riskiest members the answer names. */
    static final int RISKIEST = 5;

    private final Segments segments;
    private final OwnerResolver owners;

    SegmentReplies(Segments segments, OwnerResolver owners) {
        this.segments = segments;
        this.owners = owners;
    }

    /** Saves a segment for the asker and answers with its id and what it holds now. */
    Outcome save(Asker asker, String name, SegmentCriteria typed) {
        SegmentCriteria criteria = typed;
        if (typed.owners() != null) {
            List<String> emails = new ArrayList<>();
            for (String owner : typed.owners()) {
                if (!(owners.find(owner) instanceof OwnerResolver.Found.One one)) {
                    return Outcome.status(
                            404,
                            "I don't know exactly one person called '"
                                    + owner
                                    + "' in Pulse; give their e-mail. Nothing was saved.",
                            "unknown owner '" + owner + "'");
                }
                emails.add(one.user().email());
            }
            criteria = typed.withOwners(emails);
        }
        Segment saved;
        try {
            saved = segments.create(asker.caller(), new SegmentRequest(name, null, criteria));
        } catch (AccessDeniedException e) {
            return Outcome.status(
                    403,
                    "Sorry, I saved nothing: "
                            + e.getMessage()
                            + ". Ask an analyst to save it; `segments` lists the saved ones.",
                    e.getMessage());
        } catch (SegmentNameTakenException e) {
            return Outcome.status(
                    409,
                    "A segment named '"
                            + name
                            + "' exists already ("
                            + e.existingId()
                            + "). Pick another name, or ask `segment "
                            + name
                            + "` to see how it is doing.",
                    e.getMessage());
        } catch (InvalidSegmentException e) {
            return Outcome.status(
                    400, "I could not save it: " + e.getMessage() + ".", e.getMessage());
        }
        Membership members = segments.members(asker.caller(), saved.id());
        List<PortfolioEntry> entries = members.entries();
        long atRisk = entries.stream().filter(e -> e.score() != null && e.score().atRisk()).count();
        BotReply reply =
                BotReply.builder()
                        .header("Saved segment " + saved.name())
                        .fields(
                                List.of(
                                        new Block.Field("Id", saved.id()),
                                        new Block.Field("Accounts", String.valueOf(members.size())),
                                        new Block.Field(
                                                "Average score", average(members.averageScore())),
                                        new Block.Field("At risk", String.valueOf(atRisk))))
                        .paragraph("Holds: " + SegmentCriteriaText.describe(saved.criteria()))
                        .context(
                                "Counted over the accounts you may see now; membership follows the"
                                        + " scores. Ask `segment "
                                        + saved.name()
                                        + "` any time.")
                        .build();
        return new Outcome(
                reply,
                200,
                entries.stream().map(e -> e.account().tenantId()).toList(),
                "saved segment " + saved.id());
    }

    /** Deletes a segment named exactly (letter case aside), or by id; its maker or an admin may. */
    Outcome delete(Asker asker, String reference) {
        String wanted = reference.strip();
        Optional<Segment> found =
                segments.list(asker.caller()).stream()
                        .map(SegmentListing::segment)
                        .filter(s -> s.name().equalsIgnoreCase(wanted) || s.id().equals(wanted))
                        .findFirst();
        if (found.isEmpty()) {
            return Outcome.status(
                    404,
                    "I know no segment named exactly '"
                            + wanted
                            + "'; `segments` lists them. Nothing was deleted.",
                    "unknown segment '" + wanted + "'");
        }
        Segment segment = found.get();
        try {
            segments.delete(asker.caller(), segment.id());
        } catch (AccessDeniedException e) {
            return Outcome.status(
                    403, "Sorry, I deleted nothing: " + e.getMessage() + ".", e.getMessage());
        }
        return new Outcome(
                BotReply.plain("Deleted segment " + segment.name() + " (" + segment.id() + ")."),
                200,
                List.of(),
                "deleted segment " + segment.id());
    }

    Outcome list(Asker asker) {
        List<SegmentListing> listings = segments.list(asker.caller());
        if (listings.isEmpty()) {
            return Outcome.ok(
                    BotReply.plain(
                            "No saved segments yet. Analysts save them here (`save segment <name>:"
                                    + " <conditions>`), in the dashboard (Segments) or with POST"
                                    + " /v1/segments."),
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
