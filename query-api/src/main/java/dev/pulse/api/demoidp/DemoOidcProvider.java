package dev.pulse.api.demoidp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.UserDirectory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo identity provider knows and decides, apart from HTTP: its one client (Pulse), the
 * people one may sign in as (everyone in the user directory who reads data), authorization requests
 * and codes (short-lived, single use), and the ID tokens it signs. It checks what a real provider
 * checks of a client: the registered redirect URI, the client secret, and PKCE (S256 only).
 */
public final class DemoOidcProvider {
    static final Duration REQUEST_TTL = Duration.ofMinutes(10);
    static final Duration CODE_TTL = Duration.ofMinutes(1);
    static final Duration ID_TOKEN_VALIDITY = Duration.ofMinutes(5);
    private static final int MAX_PENDING = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The one client the provider serves. */
    public record Client(String id, String secret, URI redirectUri) {
        public Client {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(redirectUri, "redirectUri");
        }
    }

    /** An authorization request that passed the checks, waiting for a person to be chosen. */
    record Authorization(String state, String nonce, String codeChallenge) {}

    private record Grant(Authorization authorization, DirectoryUser person) {}

    /** A request the provider refuses, with the OAuth error code. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String error;
        private final int status;

        Refused(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }

        String error() {
            return error;
        }

        int status() {
            return status;
        }
    }

    private final URI issuer;
    private final Client client;
    private final UserDirectory users;
    private final DemoSigningKey key;
    private final Clock clock;
    private final Cache<String, Authorization> requests;
    private final Cache<String, Grant> codes;

    public DemoOidcProvider(
            URI issuer, Client client, UserDirectory users, DemoSigningKey key, Clock clock) {
        this.issuer = issuer;
        this.client = client;
        this.users = users;
        this.key = key;
        this.clock = clock;
        this.requests =
                Caffeine.newBuilder()
                        .maximumSize(MAX_PENDING)
                        .expireAfterWrite(REQUEST_TTL)
                        .build();
        this.codes =
                Caffeine.newBuilder().maximumSize(MAX_PENDING).expireAfterWrite(CODE_TTL).build();
    }

    public URI issuer() {
        return issuer;
    }

    /** The OpenID Connect discovery document. */
    Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer.toString());
        document.put("authorization_endpoint", endpoint(DemoIdpRoutes.AUTHORIZE));
        document.put("token_endpoint", endpoint(DemoIdpRoutes.TOKEN));
        document.put("jwks_uri", endpoint(DemoIdpRoutes.JWKS));
        document.put("end_session_endpoint", endpoint(DemoIdpRoutes.END_SESSION));
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "email", "profile"));
        document.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put(
                "claims_supported", List.of("sub", "email", "email_verified", "name", "nonce"));
        return document;
    }

    String publicKeys() {
        return key.publicKeys().toString();
    }

    /** Who one may sign in as: everyone in the directory who reads data, in directory order. */
    List<DirectoryUser> people() {
        return users.users().stream().filter(u -> u.role() != Role.INGEST).toList();
    }

    /**
     * Checks an authorization request and remembers it.
     *
     * @return the id the person's choice refers to
     * @throws Refused when the request is not one this provider serves
     */
    String authorize(Map<String, String> parameters) {
        if (!client.id().equals(parameters.get("client_id"))) {
            throw new Refused(400, "unauthorized_client", "unknown client_id");
        }
        if (!client.redirectUri().toString().equals(parameters.get("redirect_uri"))) {
            throw new Refused(400, "invalid_request", "redirect_uri is not the registered one");
        }
        if (!"code".equals(parameters.get("response_type"))) {
            throw new Refused(400, "unsupported_response_type", "only response_type=code");
        }
        String scope = parameters.getOrDefault("scope", "");
        if (!List.of(scope.split(" ")).contains("openid")) {
            throw new Refused(400, "invalid_scope", "scope must include openid");
        }
        String challenge = parameters.get("code_challenge");
        if (challenge == null || !"S256".equals(parameters.get("code_challenge_method"))) {
            throw new Refused(
                    400, "invalid_request", "PKCE with code_challenge_method=S256 is required");
        }
        String id = random();
        requests.put(
                id, new Authorization(parameters.get("state"), parameters.get("nonce"), challenge));
        return id;
    }

    /**
     * The person chosen for a remembered request: a fresh code, and where the browser goes with it.
     *
     * @throws Refused when the request expired or the person is not in the directory
     */
    URI choose(String requestId, String email) {
        Authorization authorization = requestId == null ? null : requests.asMap().remove(requestId);
        if (authorization == null) {
            throw new Refused(400, "invalid_request", "the sign-in request expired; start again");
        }
        DirectoryUser person =
                people().stream()
                        .filter(u -> u.email().equalsIgnoreCase(Objects.toString(email, "")))
                        .findFirst()
                        .orElseThrow(() -> new Refused(400, "access_denied", "no such person"));
        String code = random();
        codes.put(code, new Grant(authorization, person));
        StringBuilder location = new StringBuilder(client.redirectUri().toString());
        location.append(client.redirectUri().getQuery() == null ? '?' : '&');
        location.append("code=").append(code);
        if (authorization.state() != null) {
            location.append("&state=").append(encode(authorization.state()));
        }
        location.append("&iss=").append(encode(issuer.toString()));
        return URI.create(location.toString());
    }

    /**
     * The token response for an authorization code grant.
     *
     * @param basicClient the client id and secret from HTTP Basic, or null
     * @throws Refused {@code invalid_client} (401) or {@code invalid_grant} (400)
     */
    Map<String, Object> token(Map<String, String> form, String[] basicClient) {
        String id = basicClient != null ? basicClient[0] : form.get("client_id");
        String secret = basicClient != null ? basicClient[1] : form.get("client_secret");
        if (!client.id().equals(id) || secret == null || !same(client.secret(), secret)) {
            throw new Refused(401, "invalid_client", "client authentication failed");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            throw new Refused(400, "unsupported_grant_type", "only authorization_code");
        }
        String code = form.get("code");
        Grant grant = code == null ? null : codes.asMap().remove(code);
        if (grant == null) {
            throw new Refused(400, "invalid_grant", "unknown, used or expired code");
        }
        if (!client.redirectUri().toString().equals(form.get("redirect_uri"))) {
            throw new Refused(400, "invalid_grant", "redirect_uri does not match");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !same(grant.authorization().codeChallenge(), s256(verifier))) {
            throw new Refused(400, "invalid_grant", "PKCE code_verifier does not match");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("access_token", random());
        reply.put("token_type", "Bearer");
        reply.put("expires_in", ID_TOKEN_VALIDITY.toSeconds());
        reply.put("id_token", idToken(grant));
        return reply;
    }

    /** Where to send the browser after signing out: Pulse, when it asked to go back there. */
    Optional<URI> afterSignOut(String postLogoutRedirectUri) {
        if (postLogoutRedirectUri == null) {
            return Optional.empty();
        }
        URI home = client.redirectUri().resolve("/");
        return postLogoutRedirectUri.startsWith(home.toString())
                ? Optional.of(URI.create(postLogoutRedirectUri))
                : Optional.empty();
    }

    private String idToken(Grant grant) {
        Instant now = clock.instant();
        DirectoryUser person = grant.person();
        JWTClaimsSet.Builder claims =
                new JWTClaimsSet.Builder()
                        .issuer(issuer.toString())
                        .subject(person.email())
                        .audience(client.id())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(ID_TOKEN_VALIDITY)))
                        .claim("email", person.email())
                        .claim("email_verified", true)
                        .claim("name", person.name() == null ? person.email() : person.name());
        if (grant.authorization().nonce() != null) {
            claims.claim("nonce", grant.authorization().nonce());
        }
        return key.sign(claims.build());
    }

    private String endpoint(String path) {
        return issuer + path;
    }

    static String s256(String verifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
