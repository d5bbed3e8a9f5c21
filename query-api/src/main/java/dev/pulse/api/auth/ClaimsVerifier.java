package dev.pulse.api.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Nimbus' claims verifier (exact {@code iss}, {@code aud} containing ours, required {@code exp} and
 * {@code sub}, {@code exp} and {@code nbf} checked with the leeway), with one clear message per
 * failure. The messages are worked out first; Nimbus' own check then runs as the authority, so a
 * case the messages miss is still rejected.
 */
final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    private static final List<String> REQUIRED =
            List.of(
                    JWTClaimNames.ISSUER,
                    JWTClaimNames.AUDIENCE,
                    JWTClaimNames.EXPIRATION_TIME,
                    JWTClaimNames.SUBJECT);

    private final String issuer;
    private final String audience;
    private final Duration leeway;
    private final Clock clock;

    ClaimsVerifier(String issuer, String audience, Duration leeway, Clock clock) {
        super(
                Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.copyOf(REQUIRED),
                null);
        this.issuer = issuer;
        this.audience = audience;
        this.leeway = leeway;
        this.clock = clock;
        setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, leeway.toSeconds()));
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        String problem = problem(claims);
        if (problem != null) {
            throw new BadJWTException(problem);
        }
        super.verify(claims, context);
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }

    /** What is wrong with the claims, or null. */
    String problem(JWTClaimsSet claims) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (claims.getClaim(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return "token is missing required claims: " + String.join(", ", missing);
        }
        if (!issuer.equals(claims.getIssuer())) {
            return "issuer '" + Reasons.echo(claims.getIssuer()) + "' is not the configured issuer";
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            return "audience "
                    + (audiences == null || audiences.isEmpty()
                            ? "(none)"
                            : "'" + Reasons.echo(String.join("', '", audiences)) + "'")
                    + " does not include the configured audience";
        }
        Instant now = clock.instant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (!expires.plus(leeway).isAfter(now)) {
            return "token expired at " + expires;
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(leeway).isAfter(now)) {
            return "token not valid before " + notBefore.toInstant();
        }
        return null;
    }
}
