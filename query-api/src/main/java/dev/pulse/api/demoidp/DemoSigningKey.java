package dev.pulse.api.demoidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.UUID;

/**
 * The demo identity provider's RS256 key, fresh each run: it signs the demo's ID tokens and the
 * ready-made bearer tokens alike, and only its public half is ever published.
 */
public final class DemoSigningKey {
    private final RSAKey key;

    private DemoSigningKey(RSAKey key) {
        this.key = key;
    }

    public static DemoSigningKey generate() {
        try {
            return new DemoSigningKey(
                    new RSAKeyGenerator(2048)
                            .keyID("demo-" + UUID.randomUUID().toString().substring(0, 8))
                            .algorithm(JWSAlgorithm.RS256)
                            .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo signing key", e);
        }
    }

    /** The public key as a JWKS document, for verifiers. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** {@code claims} as a signed, serialized JWT. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return jwt.serialize();
    }
}
