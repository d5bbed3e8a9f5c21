package dev.pulse.access.security;

import java.util.Map;
import java.util.Objects;

/**
 * A person of the {@link UserDirectory}. E-mails are stored lower case (they compare
 * case-insensitively); the scope is resolved (declared, or the role's default, or {@code
 * tenant:<id>} for a customer-admin).
 *
 * @param manager e-mail of the person they report to; null at the top of the tree
 * @param tenant the one tenant of a customer-admin; null for everyone else
 * @param chatIds their ids on chat platforms ({@code slack: U0123ABCD}), for platforms that do not
 *     vouch for an e-mail; empty when none are declared
 */
public record DirectoryUser(
        String email,
        String name,
        Role role,
        ScopeSpec scope,
        String manager,
        String tenant,
        Map<String, String> chatIds) {

    /** A person without declared chat ids. */
    public DirectoryUser(
            String email, String name, Role role, ScopeSpec scope, String manager, String tenant) {
        this(email, name, role, scope, manager, tenant, Map.of());
    }

    public DirectoryUser {
        chatIds = chatIds == null ? Map.of() : Map.copyOf(chatIds);
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
