package dev.pulse.api.auth;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The credential a request presents: {@code Authorization: Bearer <JWT>}, {@code Authorization:
 * ApiKey <key>} or {@code X-API-Key: <key>}; exactly one.
 */
sealed interface Credentials {
    String API_KEY_HEADER = "X-API-Key";

    /** An API key may only hold these characters; anything else is not a key. */
    Pattern API_KEY_FORM = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    Pattern SCHEME_FORM = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,19}");

    record Bearer(String token) implements Credentials {}

    record ApiKey(String key) implements Credentials {}

    /**
     * The credential of these request headers; null when there is none.
     *
     * @throws CredentialsRejectedException when the headers are ambiguous or use another scheme
     */
    static Credentials from(MultiMap headers) {
        List<String> authorization = headers.getAll("Authorization");
        List<String> apiKey = headers.getAll(API_KEY_HEADER);
        if (authorization.size() + apiKey.size() > 1) {
            throw CredentialsRejectedException.invalid(
                    "send one credential: either one Authorization header or one "
                            + API_KEY_HEADER
                            + " header");
        }
        if (!apiKey.isEmpty()) {
            return new ApiKey(apiKey.get(0).strip());
        }
        if (authorization.isEmpty()) {
            return null;
        }
        String value = authorization.get(0).strip();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        String credential = space < 0 ? "" : value.substring(space + 1).strip();
        switch (scheme) {
            case "bearer" -> {
                if (credential.isEmpty()) {
                    throw CredentialsRejectedException.invalid("the bearer token is empty");
                }
                return new Bearer(credential);
            }
            case "apikey" -> {
                return new ApiKey(credential);
            }
            default -> {
                // Name the scheme only when it looks like one: never echo a credential.
                String named =
                        space > 0 && SCHEME_FORM.matcher(value.substring(0, space)).matches()
                                ? "scheme '" + value.substring(0, space) + "'"
                                : "Authorization header without a known scheme";
                throw CredentialsRejectedException.invalid(
                        "unsupported "
                                + named
                                + "; send Authorization: Bearer <JWT> or Authorization: ApiKey"
                                + " <key>");
            }
        }
    }
}
