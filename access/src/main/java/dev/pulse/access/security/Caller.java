package dev.pulse.access.security;

import dev.pulse.streams.read.TenantStateReader;
import java.util.Collection;
import java.util.Objects;

/**
 * Who asks, resolved once per request or chat command: the principal, the scope their role and
 * scope spec grant, and the reader that enforces that scope. Use cases take a caller; nothing reads
 * tenant state for a person without one.
 */
public record Caller(Principal principal, AccessScope scope, AuthorizedStateReader reader) {
    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reader, "reader");
    }

    /** The caller with the scope the policy grants, reading through {@code unchecked} within it. */
    public static Caller of(Principal principal, AccessPolicy policy, TenantStateReader unchecked) {
        AccessScope scope = policy.scopeFor(principal);
        return new Caller(principal, scope, new AuthorizedStateReader(unchecked, scope));
    }

    public Role role() {
        return principal.role();
    }

    /** Who acts, as commands and follow-ups record it: the e-mail of a person, else the subject. */
    public String actor() {
        return principal.email() != null ? principal.email() : principal.subject();
    }

    /** Throws {@link AccessDeniedException} unless the caller's role grants the permission. */
    public void require(Permission permission) {
        permission.check(role());
    }

    /** Throws {@link AccessDeniedException} unless every owner's portfolio is in scope. */
    public void requireOwners(Collection<String> ownerEmails) {
        for (String owner : ownerEmails) {
            if (!scope.allowsOwner(owner)) {
                throw new AccessDeniedException(
                        "you may not see the portfolio of "
                                + owner
                                + ": it is outside your scope ("
                                + scope.describe()
                                + ")");
            }
        }
    }
}
