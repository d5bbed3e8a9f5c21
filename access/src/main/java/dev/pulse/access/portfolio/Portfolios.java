package dev.pulse.access.portfolio;

import dev.pulse.access.security.Caller;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads a portfolio: the accounts the given owners own, joined with their current scores in one
 * batch read. Every owner must be in the caller's scope, else {@link
 * dev.pulse.access.security.AccessDeniedException}; an owner with no accounts adds nothing.
 */
public final class Portfolios {
    private final Clock clock;

    public Portfolios(Clock clock) {
        this.clock = clock;
    }

    public Portfolio of(Caller caller, Collection<String> ownerEmails) {
        return of(caller, ownerEmails, account -> true);
    }

    /**
     * The portfolio narrowed to the accounts {@code filter} keeps (a segment's: {@code
     * Segments.filter}).
     */
    public Portfolio of(Caller caller, Collection<String> ownerEmails, Predicate<Account> filter) {
        Set<String> owners =
                ownerEmails.stream()
                        .map(email -> email.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        caller.requireOwners(owners);
        List<Account> owned =
                caller.reader().accountsOwnedBy(owners).stream().filter(filter).toList();
        Map<String, HealthScore> scores =
                owned.isEmpty() ? Map.of() : caller.reader().currentScoresOf(owned);
        List<PortfolioEntry> entries =
                owned.stream()
                        .map(account -> new PortfolioEntry(account, scores.get(account.tenantId())))
                        .sorted(PortfolioRanking.RISKIEST_FIRST)
                        .toList();
        return new Portfolio(owners, entries, clock.instant());
    }
}
