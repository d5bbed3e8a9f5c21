package dev.pulse.access.security;

import dev.pulse.topologies.account.Account;
import java.util.Optional;

/**
 * A principal's resolved scope: the one place that answers "may this caller see that". Every front
 * end (HTTP API, bots, exports) asks it; none decides on its own.
 */
public interface AccessScope {
    /** May the caller read this tenant's data? */
    boolean allowsTenant(String tenantId);

    /**
     * May the caller read this account, whose record is already in hand? Same answer as {@link
     * #allowsTenant} for its tenant, without looking the account up again: filtering the whole
     * directory for a portfolio must not cost one store read per account.
     */
    default boolean allowsAccount(Account account) {
        return allowsTenant(account.tenantId());
    }

    /**
     * The tenant's account as this scope read it to check the tenant, for a scope that reads
     * accounts to decide (owner scopes, once per request); empty for one that does not, and the
     * caller reads it itself. Saves a point read its second decode of the same record.
     */
    default Optional<Account> accountReadForCheck(String tenantId) {
        return Optional.empty();
    }

    /** May the caller read the portfolio of this account owner (e-mail)? */
    boolean allowsOwner(String ownerEmail);

    /** True when the scope has no tenant limit (admins, keys with scope all). */
    boolean isUnlimited();

    /** A short description for error messages and audit, e.g. "team of priya@x (5 people)". */
    String describe();
}
