package dev.pulse.access.reports;

import java.util.Locale;

/**
 * Which accounts a portfolio report covers: one owner's, one team's (the directory's {@code team}
 * of an account), or every account in the caller's scope. At most one of owner and team is set.
 */
public record PortfolioSelection(String owner, String team) {
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

    /** "owner sarah@x", "team EMEA" or "all accounts in scope". */
    public String describe() {
        if (owner != null) {
            return "owner " + owner;
        }
        return team != null ? "team " + team : "all accounts in scope";
    }
}
