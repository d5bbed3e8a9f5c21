package dev.pulse.access.reports;

import java.util.Locale;

/**
 * Which accounts a portfolio report covers: one owner's, one team's (the directory's {@code team}
 * of an account), or every account in the caller's scope. At most one of owner and team is set. A
 * saved segment may narrow any of them further ({@code segment}: its id; the accounts come from
 * {@code Segments.filter}).
 */
public record PortfolioSelection(String owner, String team, String segment) {
    public PortfolioSelection(String owner, String team) {
        this(owner, team, null);
    }

    public PortfolioSelection {
        if (owner != null && team != null) {
            throw new IllegalArgumentException("choose an owner or a team, not both");
        }
        owner = owner == null ? null : owner.toLowerCase(Locale.ROOT);
    }

    public static PortfolioSelection all() {
        return new PortfolioSelection(null, null);
    }

    public static PortfolioSelection owner(String email) {
        return new PortfolioSelection(email, null);
    }

    public static PortfolioSelection team(String name) {
        return new PortfolioSelection(null, name);
    }

    /** The same selection narrowed to a saved segment. */
    public PortfolioSelection withSegment(String segmentId) {
        return new PortfolioSelection(owner, team, segmentId);
    }

    /** "owner sarah@x", "team EMEA" or "all accounts in scope", and "in segment seg-…". */
    public String describe() {
        String who;
        if (owner != null) {
            who = "owner " + owner;
        } else {
            who = team != null ? "team " + team : "all accounts in scope";
        }
        return segment == null ? who : who + " in segment " + segment;
    }
}
