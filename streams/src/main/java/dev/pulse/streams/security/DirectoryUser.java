package dev.pulse.streams.security;

import java.util.Objects;

/**
 * A person of the {@link UserDirectory}. E-mails are stored lower case (they compare
 * case-insensitively); the scope is resolved (declared, or the role's default, or {@code
 * tenant:<id>} for a customer-admin).
 *
 * @param manager e-mail of the person they report to; null at the top of the tree
 * @param tenant the one tenant of a customer-admin; null for everyone else
 */
public record DirectoryUser(
        String email, String name, Role role, ScopeSpec scope, String manager, String tenant) {
    public DirectoryUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        email = Emails.normalize(email);
        manager = Emails.normalize(manager);
    }

    /** This person as an authenticated caller, proven by {@code method} (jwt, slack, ...). */
    public Principal principal(String method) {
        return new Principal(email, email, role, scope, method);
    }
}
