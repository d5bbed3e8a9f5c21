package dev.pulse.access.security;

import java.util.Objects;

/**
 * An authenticated caller: a person (JWT, chat identity) or a machine (API key).
 *
 * @param subject stable id for audit and rate limits: the e-mail of a person, {@code api-key:<id>}
 *     for a key
 * @param email whose accounts {@code own}/{@code team} scopes are relative to; may be null for keys
 *     with scope all/tenant/none
 * @param method how they proved it: {@code jwt}, {@code api-key}, {@code slack}, ...
 */
public record Principal(String subject, String email, Role role, ScopeSpec scope, String method) {
    public Principal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(method, "method");
    }
}
