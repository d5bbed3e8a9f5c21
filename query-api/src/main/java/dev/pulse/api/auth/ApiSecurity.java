package dev.pulse.api.auth;

import dev.pulse.access.apikeys.ApiKeyStore;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.audit.AuditReader;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.api.http.TrustedProxies;
import java.util.Objects;

/**
 * Who may call the API and what is recorded about it.
 *
 * @param jwt verifies bearer JWTs; null when no key set and no HS256 secret is configured (then
 *     only API keys are accepted)
 * @param apiKeys checks API keys, and stores the ones admins create
 * @param policy resolves a caller's scope: the one authorization layer
 * @param auditLog where one entry per request goes
 * @param auditReader reads the audit log for {@code GET /v1/audit}; null when this instance does
 *     not serve it (the audit routes then answer 501)
 * @param rateLimits per-identity limits; null means {@link RateLimitSettings#DEFAULT}
 * @param internalToken the shared secret of the internal routes ({@link InternalToken#HEADER});
 *     null or blank disables them
 * @param people who a verified e-mail is: shared by every way a person signs in
 * @param sessions browser sessions (the {@link SessionCookies#SESSION} cookie); null when browser
 *     sign-in is not configured
 * @param trustedProxies whose {@code X-Forwarded-For} names the client; null means none
 */
public record ApiSecurity(
        JwtAuthenticator jwt,
        ApiKeyStore apiKeys,
        AccessPolicy policy,
        AuditLog auditLog,
        AuditReader auditReader,
        RateLimitSettings rateLimits,
        String internalToken,
        People people,
        BrowserSessions sessions,
        TrustedProxies trustedProxies) {

    public ApiSecurity {
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(auditLog, "auditLog");
        rateLimits = rateLimits == null ? RateLimitSettings.DEFAULT : rateLimits;
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
        internalToken = internalToken == null || internalToken.isBlank() ? null : internalToken;
    }

    @Override
    public String toString() {
        return "ApiSecurity[jwt="
                + (jwt == null ? "off" : String.join("/", jwt.allowedAlgorithms()))
                + ", rateLimits="
                + rateLimits
                + ", internalToken="
                + (internalToken == null ? "none" : "(set)")
                + ", browserSessions="
                + (sessions == null ? "off" : "on")
                + ", trustedProxies="
                + trustedProxies
                + "]";
    }
}
