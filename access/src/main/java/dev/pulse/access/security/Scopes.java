package dev.pulse.access.security;

import dev.pulse.topologies.account.Account;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The resolved {@link AccessScope}s {@link AccessPolicy} hands out, one small class per kind. */
final class Scopes {
    private Scopes() {}

    /** A scope that allows everything or nothing. */
    private record FixedScope(boolean everything, String description) implements AccessScope {
        @Override
        public boolean allowsTenant(String tenantId) {
            return everything;
        }

        @Override
        public boolean allowsOwner(String ownerEmail) {
            return everything;
        }

        @Override
        public boolean isUnlimited() {
            return everything;
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /** Admins and keys with scope all: every tenant, including those without an account. */
    static final AccessScope UNLIMITED = new FixedScope(true, "all tenants");

    /** Nothing at all; {@code why} says which rule left the caller empty-handed. */
    static AccessScope nothing(String why) {
        return new FixedScope(false, why);
    }

    /**
     * Exactly one tenant (a customer-admin). Named explicitly, so it needs no account record: the
     * tenant is theirs whoever owns it on our side, and no owner's portfolio is theirs.
     */
    record OneTenant(String tenantId) implements AccessScope {
        @Override
        public boolean allowsTenant(String tenant) {
            return tenantId.equals(tenant);
        }

        @Override
        public boolean allowsOwner(String ownerEmail) {
            return false;
        }

        @Override
        public boolean isUnlimited() {
            return false;
        }

        @Override
        public String describe() {
            return "tenant " + tenantId + " only";
        }
    }

    /**
     * The accounts owned by a set of people: {@code own} (one person) or {@code team}. Ownership is
     * read from the account directory at each check, so a reassigned account moves with its new
     * owner at once; a tenant without an account record has no known owner, so no one sees it
     * through ownership.
     */
    record Owners(Set<String> owners, Function<String, Optional<Account>> accounts, String what)
            implements AccessScope {
        @Override
        public boolean allowsTenant(String tenantId) {
            return tenantId != null
                    && accounts.apply(tenantId).map(this::allowsAccount).orElse(false);
        }

        @Override
        public boolean allowsAccount(Account account) {
            return allowsOwner(account.owner());
        }

        @Override
        public Optional<Account> accountReadForCheck(String tenantId) {
            return accounts.apply(tenantId);
        }

        @Override
        public boolean allowsOwner(String ownerEmail) {
            return ownerEmail != null && owners.contains(Emails.normalizeOwner(ownerEmail));
        }

        @Override
        public boolean isUnlimited() {
            return false;
        }

        @Override
        public String describe() {
            return what;
        }
    }
}
