package dev.pulse.api.signin;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Pulse as an OpenID Connect client of the organisation's identity provider.
 *
 * @param issuer the provider's issuer URL; its discovery document is read from {@code
 *     <issuer>/.well-known/openid-configuration}
 * @param clientId Pulse's client id at the provider
 * @param clientSecret Pulse's client secret at the provider (sent with HTTP Basic)
 * @param redirectUri where the provider sends the browser back: Pulse's {@code /auth/callback}, as
 *     registered at the provider
 * @param scopes what Pulse asks for; {@code openid} is always included, {@code email} is needed
 */
public record OidcSettings(
        URI issuer, String clientId, String clientSecret, URI redirectUri, List<String> scopes) {
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(
                    "OpenID Connect needs the client id (auth.oidc.clientId)");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "OpenID Connect needs the client secret: set PULSE_OIDC_CLIENT_SECRET or"
                            + " auth.oidc.clientSecretFile");
        }
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("OpenID Connect scopes must include openid");
        }
    }

    /** Where the provider may send the browser after signing out: Pulse's home page. */
    public URI home() {
        return redirectUri.resolve("/");
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer="
                + issuer
                + ", clientId="
                + clientId
                + ", redirectUri="
                + redirectUri
                + ", scopes="
                + scopes
                + ", clientSecret=(set)]";
    }
}
