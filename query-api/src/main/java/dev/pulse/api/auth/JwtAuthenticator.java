package dev.pulse.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.api.http.ProblemException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies bearer JWTs with Nimbus and maps them to a Pulse {@link Principal}.
 *
 * <p>The token proves who the caller is; Pulse decides what they may do: the identity (claim {@code
 * email}, else {@code sub} when it is an e-mail address) is looked up in the {@link UserDirectory},
 * which alone gives role and scope. A valid token of someone not in the directory is refused with
 * 403.
 *
 * <p>Verification goes through {@link DefaultJWTProcessor} with a {@link
 * JWSVerificationKeySelector} over exactly the allowed algorithms (RS256 and ES256 with a key set,
 * HS256 only with a configured secret), so unsigned tokens and algorithm confusion (an HS256 token
 * "signed" with an RSA public key) cannot pass. Before that, the token's header is read only to
 * give each rejection a clear reason.
 *
 * <p>With a JWKS URL, keys are fetched on first use, cached and refreshed by Nimbus' {@link
 * JWKSourceBuilder}; a fetch blocks, so call {@link #authenticate} off the event loop.
 *
 * <p>A client sends the same token with every request until it expires, so successful verifications
 * are remembered by token (at most {@value #VERIFIED_TOKENS} tokens): a token seen again within a
 * minute of its verification and before its {@code exp} (without the leeway) skips parsing and
 * signature and claims checks. Only the identity is remembered; the user directory is still asked
 * on every request, so removing someone takes effect at once. Rejections are never remembered. A
 * key removed from the key set stops verifying tokens within that minute.
 */
public final class JwtAuthenticator {
    /** Shortest HS256 secret accepted: the HMAC-SHA256 key size, 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final Duration KEY_SET_RETRY = Duration.ofSeconds(5);
    private static final int VERIFIED_TOKENS = 10_000;
    private static final Duration REVERIFY_AFTER = Duration.ofMinutes(1);

    /** Token types ({@code typ}) accepted besides none: plain JWTs and OAuth access tokens. */
    private static final Set<JOSEObjectType> TYPES =
            Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"));

    private final People people;
    private final List<JWSAlgorithm> allowed;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;
    private final Cache<String, Verified> verified =
            Caffeine.newBuilder()
                    .maximumSize(VERIFIED_TOKENS)
                    .expireAfterWrite(REVERIFY_AFTER)
                    .build();

    /** The identity a token proved, and until when that may be taken as read. */
    private record Verified(String identity, Instant until) {}

    private JwtAuthenticator(
            People people,
            List<JWSAlgorithm> allowed,
            DefaultJWTProcessor<SecurityContext> processor,
            Clock clock) {
        this.people = people;
        this.allowed = allowed;
        this.processor = processor;
        this.clock = clock;
    }

    /**
     * An authenticator for {@code settings}.
     *
     * @throws IllegalArgumentException with a message fit for a startup error when the settings are
     *     incomplete or wrong (no key set and no secret, HS256 secret shorter than 32 bytes,
     *     unreadable JWKS file, no issuer or audience)
     */
    public static JwtAuthenticator create(JwtSettings settings, UserDirectory directory) {
        return create(settings, directory, Clock.systemUTC());
    }

    /** As {@link #create(JwtSettings, UserDirectory)}, checking times against {@code clock}. */
    public static JwtAuthenticator create(
            JwtSettings settings, UserDirectory directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        if (!settings.configured()) {
            throw new IllegalArgumentException(
                    "JWT authentication needs a key set (a JWKS file or URL) or an HS256 secret;"
                            + " none is configured");
        }
        if (settings.issuer() == null) {
            throw new IllegalArgumentException(
                    "JWT authentication needs the issuer (iss) tokens must carry");
        }
        if (settings.audience() == null) {
            throw new IllegalArgumentException(
                    "JWT authentication needs the audience (aud) tokens must be issued for");
        }
        Set<JWSAlgorithm> allowed = new LinkedHashSet<>();
        List<JWKSource<SecurityContext>> sources = new ArrayList<>();
        if (settings.jwksFile() != null || settings.jwksUrl() != null) {
            allowed.add(JWSAlgorithm.RS256);
            allowed.add(JWSAlgorithm.ES256);
            if (settings.jwksFile() != null) {
                sources.add(fileKeySet(settings.jwksFile()));
            }
            if (settings.jwksUrl() != null) {
                sources.add(remoteKeySet(settings.jwksUrl()));
            }
        }
        if (settings.hs256Secret() != null) {
            byte[] secret = settings.hs256Secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "the HS256 secret must be at least "
                                + MIN_SECRET_BYTES
                                + " bytes (256 bits) long; the configured one has "
                                + secret.length);
            }
            allowed.add(JWSAlgorithm.HS256);
            sources.add(new ImmutableSecret<>(secret));
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        Set<JOSEObjectType> types = new HashSet<>(TYPES);
        types.add(null);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(types));
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.copyOf(allowed), combined(sources)));
        processor.setJWTClaimsSetVerifier(
                new ClaimsVerifier(
                        settings.issuer(), settings.audience(), settings.leeway(), clock));
        return new JwtAuthenticator(new People(directory), List.copyOf(allowed), processor, clock);
    }

    /** The algorithms a token may be signed with: RS256, ES256 with a key set; HS256. */
    public List<String> allowedAlgorithms() {
        return allowed.stream().map(Algorithm::getName).toList();
    }

    /**
     * The caller a bearer token proves.
     *
     * @throws CredentialsRejectedException 401 with the reason when the token does not verify, 403
     *     when it does but names no one in the user directory
     * @throws ProblemException 503 when the key set cannot be fetched right now
     */
    public Principal authenticate(String token) {
        return people.principal(verifiedIdentity(token), "jwt");
    }

    /** The identity {@code token} proves: remembered, or verified now and remembered. */
    private String verifiedIdentity(String token) {
        Instant now = clock.instant();
        Verified known = verified.getIfPresent(token);
        if (known != null && now.isBefore(known.until())) {
            return known.identity();
        }
        JWTClaimsSet claims = verify(token);
        String email = identity(claims);
        Instant expires = claims.getExpirationTime().toInstant();
        Instant until = now.plus(REVERIFY_AFTER);
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (now.isBefore(until)) {
            verified.put(token, new Verified(email, until));
        }
        return email;
    }

    private JWTClaimsSet verify(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw invalid("not a JWT: longer than " + MAX_TOKEN_CHARS + " characters");
        }
        rejectUnsigned(token);
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw invalid("not a JWT: " + echo(e.getMessage()));
        }
        if (jwt instanceof PlainJWT) {
            throw invalid("unsigned tokens (alg none) are not accepted");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw invalid("encrypted tokens (JWE) are not accepted; send a signed JWT");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!allowed.contains(algorithm)) {
            throw invalid(
                    "algorithm "
                            + echo(algorithm.getName())
                            + " is not accepted here; expected one of "
                            + String.join(", ", allowedAlgorithms()));
        }
        JOSEObjectType type = signed.getHeader().getType();
        if (type != null && !TYPES.contains(type)) {
            throw invalid("token type (typ) '" + echo(type.getType()) + "' is not accepted");
        }
        try {
            return processor.process(signed, null);
        } catch (BadJWTException e) {
            throw invalid(e.getMessage());
        } catch (BadJOSEException e) {
            throw invalid("signature does not verify against the configured keys");
        } catch (KeySourceException e) {
            throw ProblemException.unavailable(
                    "the identity provider's key set cannot be fetched right now ("
                            + echo(e.getMessage())
                            + ")",
                    KEY_SET_RETRY);
        } catch (JOSEException e) {
            throw invalid("signature does not verify against the configured keys");
        }
    }

    /** Names {@code alg: none} even when the token is not otherwise a well-formed plain JWT. */
    private static void rejectUnsigned(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return;
        }
        try {
            Header header = Header.parse(new Base64URL(token.substring(0, dot)));
            if (Algorithm.NONE.equals(header.getAlgorithm())) {
                throw invalid("unsigned tokens (alg none) are not accepted");
            }
        } catch (ParseException e) {
            // not a header at all: JWTParser says why
        }
    }

    private static String identity(JWTClaimsSet claims) {
        Object email = claims.getClaim("email");
        if (email instanceof String text && looksLikeEmail(text)) {
            return text.strip().toLowerCase(Locale.ROOT);
        }
        String subject = claims.getSubject();
        if (subject != null && looksLikeEmail(subject)) {
            return subject.strip().toLowerCase(Locale.ROOT);
        }
        throw CredentialsRejectedException.invalid(
                "token names no e-mail address: it has no 'email' claim and its 'sub' is not an"
                        + " e-mail address");
    }

    static boolean looksLikeEmail(String value) {
        String text = value.strip();
        int at = text.indexOf('@');
        return at > 0
                && at == text.lastIndexOf('@')
                && at < text.length() - 1
                && text.length() <= 254
                && text.chars()
                        .noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static JWKSource<SecurityContext> fileKeySet(String path) {
        JWKSet set;
        try {
            set = JWKSet.load(new File(path)).toPublicJWKSet();
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException(
                    "cannot read the JWKS file " + path + ": " + e.getMessage(), e);
        }
        List<JWK> signing =
                set.getKeys().stream()
                        .filter(
                                key ->
                                        key.getKeyUse() == null
                                                || key.getKeyUse() == KeyUse.SIGNATURE)
                        .toList();
        if (signing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the JWKS file " + path + " holds no public signing key (RSA or EC)");
        }
        return new ImmutableJWKSet<>(new JWKSet(signing));
    }

    private static JWKSource<SecurityContext> remoteKeySet(String url) {
        URL location;
        try {
            location = URI.create(url).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException("the JWKS URL is not a URL: " + url, e);
        }
        if (!"https".equals(location.getProtocol()) && !"http".equals(location.getProtocol())) {
            throw new IllegalArgumentException("the JWKS URL must be http(s): " + url);
        }
        // Cached (5 minutes), refreshed when a token names an unknown key id, rate limited, and
        // retried once on a network error: Nimbus' defaults for a remote key set.
        return JWKSourceBuilder.<SecurityContext>create(location).retrying(true).build();
    }

    /** One source over several: the key selector sees every key of every configured source. */
    private static JWKSource<SecurityContext> combined(List<JWKSource<SecurityContext>> sources) {
        if (sources.size() == 1) {
            return sources.get(0);
        }
        return (selector, context) -> {
            List<JWK> keys = new ArrayList<>();
            for (JWKSource<SecurityContext> source : sources) {
                keys.addAll(source.get(selector, context));
            }
            return keys;
        };
    }

    private static CredentialsRejectedException invalid(String reason) {
        return CredentialsRejectedException.invalid(reason);
    }

    private static String echo(String value) {
        return Reasons.echo(value);
    }
}
