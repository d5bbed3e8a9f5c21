package dev.pulse.api.demoidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOidcProviderTest {
    private static final URI CALLBACK = URI.create("http://localhost:8080/auth/callback");
    private static final String VERIFIER =
            "a-verifier-of-at-least-forty-three-characters-0123456789";

    private final DemoOidcProvider provider =
            new DemoOidcProvider(
                    URI.create("http://localhost:8080/demo-idp"),
                    new DemoOidcProvider.Client("pulse-demo", "s3cret", CALLBACK),
                    UserDirectory.of(
                            List.of(
                                    new DirectoryUser(
                                            "sarah@example.com",
                                            "Sarah Chen",
                                            Role.VIEWER,
                                            ScopeSpec.OWN,
                                            null,
                                            null),
                                    new DirectoryUser(
                                            "ingest@example.com",
                                            "Loader",
                                            Role.INGEST,
                                            ScopeSpec.NONE,
                                            null,
                                            null))),
                    DemoSigningKey.generate(),
                    Clock.systemUTC());

    @Test
    void listsThePeopleWhoReadButNoMachines() {
        assertThat(provider.people()).extracting(DirectoryUser::name).containsExactly("Sarah Chen");
    }

    @Test
    void issuesAnIdTokenForTheChosenPersonWithTheNonce() throws Exception {
        String code = codeFor("sarah@example.com");

        Map<String, Object> reply = provider.token(tokenForm(code, VERIFIER), basic("s3cret"));

        SignedJWT idToken = SignedJWT.parse((String) reply.get("id_token"));
        assertThat(idToken.getJWTClaimsSet().getStringClaim("email"))
                .isEqualTo("sarah@example.com");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Sarah Chen");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly("pulse-demo");
    }

    @Test
    void refusesAWrongVerifierTheWrongSecretAndASecondUse() {
        String code = codeFor("sarah@example.com");
        assertThatThrownBy(() -> provider.token(tokenForm(code, VERIFIER), basic("wrong")))
                .hasMessageContaining("client authentication failed");
        assertThatThrownBy(() -> provider.token(tokenForm(code, VERIFIER + "x"), basic("s3cret")))
                .hasMessageContaining("code_verifier");
        assertThatThrownBy(() -> provider.token(tokenForm(code, VERIFIER), basic("s3cret")))
                .as("the code was used by the failed attempt")
                .hasMessageContaining("unknown, used or expired code");
    }

    @Test
    void refusesAnotherRedirectUriOrNoPkce() {
        Map<String, String> request = authorizeRequest();
        request.put("redirect_uri", "https://evil.example/callback");
        assertThatThrownBy(() -> provider.authorize(request)).hasMessageContaining("redirect_uri");

        Map<String, String> plain = authorizeRequest();
        plain.remove("code_challenge_method");
        assertThatThrownBy(() -> provider.authorize(plain)).hasMessageContaining("S256");
    }

    @Test
    void sendsPeopleBackToPulseOnlyAfterSigningOut() {
        assertThat(provider.afterSignOut("http://localhost:8080/"))
                .hasValue(URI.create("http://localhost:8080/"));
        assertThat(provider.afterSignOut("https://evil.example/")).isEmpty();
    }

    private String codeFor(String email) {
        URI back = provider.choose(provider.authorize(authorizeRequest()), email);
        assertThat(back.toString()).startsWith(CALLBACK + "?code=").contains("state=st-1");
        String query = back.getQuery();
        return query.substring("code=".length(), query.indexOf('&'));
    }

    private static Map<String, String> authorizeRequest() {
        Map<String, String> request = new HashMap<>();
        request.put("client_id", "pulse-demo");
        request.put("redirect_uri", CALLBACK.toString());
        request.put("response_type", "code");
        request.put("scope", "openid email");
        request.put("state", "st-1");
        request.put("nonce", "n-1");
        request.put("code_challenge", DemoOidcProvider.s256(VERIFIER));
        request.put("code_challenge_method", "S256");
        return request;
    }

    private static Map<String, String> tokenForm(String code, String verifier) {
        return Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                CALLBACK.toString(),
                "code_verifier",
                verifier);
    }

    private static String[] basic(String secret) {
        return new String[] {"pulse-demo", secret};
    }
}
