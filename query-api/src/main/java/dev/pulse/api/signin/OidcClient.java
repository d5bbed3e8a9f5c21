package dev.pulse.api.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pulse's side of the OpenID Connect authorization code flow with PKCE: where to send the browser,
 * and, once it comes back with a code, the code exchanged for an ID token whose signature, issuer,
 * audience, expiry and nonce are checked. The provider is discovered on first use and remembered,
 * so Pulse starts even while the provider is down (or, in the demo, not yet listening).
 *
 * <p>{@link #start} and {@link #finish} make blocking HTTP calls: run them off the event loop.
 */
public final class OidcClient {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final Set<JWSAlgorithm> ID_TOKEN_ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);

    /** Where to send the browser, and what the callback will need to finish. */
    public record Start(URI authorizationUri, PendingLogins.Pending pending) {}

    /** Who the provider vouched for. */
    public record Identity(String email, String name) {}

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    private final OidcSettings settings;
    private final ClientID clientId;
    private volatile Provider provider;

    public OidcClient(OidcSettings settings) {
        this.settings = settings;
        this.clientId = new ClientID(settings.clientId());
    }

    public OidcSettings settings() {
        return settings;
    }

    /** A new sign-in that returns to {@code returnTo}: fresh state, PKCE verifier and nonce. */
    public Start start(String returnTo) {
        Provider known = provider();
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        AuthenticationRequest request =
                new AuthenticationRequest.Builder(
                                ResponseType.CODE,
                                new Scope(settings.scopes().toArray(String[]::new)),
                                clientId,
                                settings.redirectUri())
                        .endpointURI(known.metadata().getAuthorizationEndpointURI())
                        .state(state)
                        .nonce(nonce)
                        .codeChallenge(verifier, CodeChallengeMethod.S256)
                        .build();
        return new Start(
                request.toURI(),
                new PendingLogins.Pending(
                        state.getValue(), verifier.getValue(), nonce.getValue(), returnTo, null));
    }

    /**
     * Exchanges the code for tokens and verifies the ID token.
     *
     * @throws SignInFailure 401 when the provider refuses or its ID token does not verify, 502 when
     *     it cannot be reached
     */
    public Identity finish(String code, PendingLogins.Pending pending) {
        Provider known = provider();
        TokenRequest request =
                new TokenRequest(
                        known.metadata().getTokenEndpointURI(),
                        new ClientSecretBasic(clientId, new Secret(settings.clientSecret())),
                        new AuthorizationCodeGrant(
                                new AuthorizationCode(code),
                                settings.redirectUri(),
                                new CodeVerifier(pending.codeVerifier())));
        TokenResponse response = send(request);
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw SignInFailure.refused(
                    "The identity provider did not accept the sign-in ("
                            + describe(error)
                            + "). Please start again.");
        }
        JWT idToken =
                ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw SignInFailure.refused("The identity provider sent no ID token.");
        }
        IDTokenClaimsSet claims = validate(known, idToken, new Nonce(pending.nonce()));
        String email = claims.getStringClaim("email");
        if (email == null || email.isBlank()) {
            throw SignInFailure.refused(
                    "The identity provider did not say who you are by e-mail: ask its"
                            + " administrator to release the 'email' claim to Pulse.");
        }
        if (Boolean.FALSE.equals(claims.getBooleanClaim("email_verified"))) {
            throw SignInFailure.refused(
                    "The identity provider has not verified the e-mail address " + email + ".");
        }
        return new Identity(email.strip().toLowerCase(Locale.ROOT), claims.getStringClaim("name"));
    }

    /**
     * Where to send the browser so the provider signs the person out too and sends them back to
     * Pulse; empty when the provider has no end-session endpoint or was never reached. It names the
     * client rather than passing the ID token as a hint, so no token reaches the browser (nor its
     * history).
     */
    public Optional<URI> endSession() {
        Provider known = provider;
        if (known == null || known.metadata().getEndSessionEndpointURI() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new LogoutRequest(
                                known.metadata().getEndSessionEndpointURI(),
                                null,
                                null,
                                clientId,
                                settings.home(),
                                null,
                                null)
                        .toURI());
    }

    private TokenResponse send(TokenRequest request) {
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        HTTPResponse answer;
        try {
            answer = http.send();
        } catch (IOException e) {
            throw SignInFailure.unreachable(
                    "Pulse could not reach the identity provider's token endpoint ("
                            + e.getMessage()
                            + "). Please try again in a moment.");
        }
        try {
            return OIDCTokenResponseParser.parse(answer);
        } catch (ParseException e) {
            throw SignInFailure.unreachable(
                    "The identity provider answered with something that is not a token response"
                            + " (HTTP "
                            + answer.getStatusCode()
                            + ").");
        }
    }

    private static IDTokenClaimsSet validate(Provider known, JWT idToken, Nonce nonce) {
        try {
            return known.validator().validate(idToken, nonce);
        } catch (BadJOSEException e) {
            throw SignInFailure.refused(
                    "The identity provider's ID token does not verify (" + e.getMessage() + ").");
        } catch (KeySourceException e) {
            throw SignInFailure.unreachable(
                    "Pulse could not fetch the identity provider's signing keys ("
                            + e.getMessage()
                            + ").");
        } catch (JOSEException e) {
            throw SignInFailure.refused(
                    "The identity provider's ID token does not verify (" + e.getMessage() + ").");
        }
    }

    /** The provider's metadata and ID-token validator, discovered once. */
    private Provider provider() {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (provider == null) {
                provider = discover();
            }
            return provider;
        }
    }

    private Provider discover() {
        Issuer issuer = new Issuer(settings.issuer());
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
        } catch (IOException e) {
            throw SignInFailure.unreachable(
                    "Pulse could not read the identity provider's configuration from "
                            + settings.issuer()
                            + " ("
                            + e.getMessage()
                            + "). Please try again in a moment.");
        } catch (GeneralException e) {
            throw SignInFailure.unreachable(
                    "The identity provider at "
                            + settings.issuer()
                            + " published an unusable configuration ("
                            + e.getMessage()
                            + ").");
        }
        try {
            JWSVerificationKeySelector<SecurityContext> keys =
                    new JWSVerificationKeySelector<>(
                            ID_TOKEN_ALGORITHMS,
                            JWKSourceBuilder.<SecurityContext>create(
                                            metadata.getJWKSetURI().toURL())
                                    .retrying(true)
                                    .build());
            return new Provider(metadata, new IDTokenValidator(issuer, clientId, keys, null));
        } catch (IOException | RuntimeException e) {
            throw SignInFailure.unreachable(
                    "The identity provider at "
                            + settings.issuer()
                            + " publishes no usable key set URL ("
                            + e.getMessage()
                            + ").");
        }
    }

    private static String describe(ErrorObject error) {
        String code = error.getCode() == null ? "no error code" : error.getCode();
        return error.getDescription() == null ? code : code + ": " + error.getDescription();
    }
}
