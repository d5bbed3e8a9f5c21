package dev.pulse.access.security;

import dev.pulse.topologies.account.Account;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns a {@link Principal} into the {@link AccessScope} every read is checked against.
 *
 * <ul>
 *   <li>{@code all}: every tenant, with or without an account record.
 *   <li>{@code own}: tenants whose account's owner is the principal's e-mail.
 *   <li>{@code team}: tenants whose owner is the principal or anyone reporting to them, directly or
 *       through other managers ({@link UserDirectory#teamOf}).
 *   <li>{@code tenant:<id>}: that tenant only, and no owner's portfolio.
 *   <li>{@code none}: nothing.
 * </ul>
 *
 * <p>Role {@code ingest} reads nothing whatever its scope, and a customer-admin never reads more
 * than one tenant: a key or token that claims otherwise gets nothing rather than more.
 */
public final class AccessPolicy {
    private final UserDirectory directory;
    private final Function<String, Optional<Account>> accountLookup;

    /**
     * @param accountLookup the account directory (normally {@code reader::account}), consulted at
     *     each check so ownership changes take effect at once
     */
    public AccessPolicy(
            UserDirectory directory, Function<String, Optional<Account>> accountLookup) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.accountLookup = Objects.requireNonNull(accountLookup, "accountLookup");
    }

    public AccessScope scopeFor(Principal principal) {
        if (!principal.role().canRead()) {
            return Scopes.nothing(
                    "no tenants (role " + principal.role().label() + " reads nothing)");
        }
        ScopeSpec scope = principal.scope();
        if (principal.role() == Role.CUSTOMER_ADMIN && scope.kind() != ScopeSpec.Kind.TENANT) {
            return Scopes.nothing("no tenants (a customer-admin needs a tenant scope)");
        }
        String email = Emails.normalize(principal.email());
        return switch (scope.kind()) {
            case ALL -> Scopes.UNLIMITED;
            case TENANT -> new Scopes.OneTenant(scope.tenantId());
            case NONE -> Scopes.nothing("no tenants");
            case OWN ->
                    email == null
                            ? Scopes.nothing("no tenants (scope own without an e-mail)")
                            : new Scopes.Owners(
                                    Set.of(email), lookupOnce(), "accounts owned by " + email);
            case TEAM -> team(email);
        };
    }

    private AccessScope team(String email) {
        if (email == null) {
            return Scopes.nothing("no tenants (scope team without an e-mail)");
        }
        Set<String> team = directory.teamOf(email);
        int people = team.size();
        return new Scopes.Owners(
                team,
                lookupOnce(),
                "accounts of the team of "
                        + email
                        + " ("
                        + people
                        + (people == 1 ? " person)" : " people)"));
    }

    /**
     * A scope serves one request or one chat command, which checks the same tenant several times
     * (its account, score and engagement): each account is read once per scope, so a change of
     * owner still counts from the next request on.
     */
    private Function<String, Optional<Account>> lookupOnce() {
        Map<String, Optional<Account>> seen = new ConcurrentHashMap<>();
        return tenantId -> seen.computeIfAbsent(tenantId, accountLookup);
    }
}
