package dev.pulse.access.segments;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.AuthorizedStateReader;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import java.util.Set;

/** Callers whose scope is the accounts of some owners, or everything. */
final class TestCallers {
    private TestCallers() {}

    /** A caller who sees the accounts owned by {@code owners}; null owners: every account. */
    static Caller caller(Role role, String email, Set<String> owners, TenantStateReader data) {
        AccessScope scope = new OwnersScope(owners, data);
        return new Caller(
                new Principal(email, email, role, ScopeSpec.parse("own"), "test"),
                scope,
                new AuthorizedStateReader(data, scope));
    }

    private record OwnersScope(Set<String> owners, TenantStateReader data) implements AccessScope {
        @Override
        public boolean allowsTenant(String tenantId) {
            return data.account(tenantId).map(this::allowsAccount).orElse(owners == null);
        }

        @Override
        public boolean allowsAccount(Account account) {
            return owners == null || owners.contains(account.owner());
        }

        @Override
        public boolean allowsOwner(String ownerEmail) {
            return owners == null || owners.contains(ownerEmail);
        }

        @Override
        public boolean isUnlimited() {
            return owners == null;
        }

        @Override
        public String describe() {
            return owners == null ? "all" : "owners " + owners;
        }
    }
}
