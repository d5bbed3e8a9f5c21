package dev.pulse.app.bench.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a person in the way a browser does, over plain HTTP: Pulse's login redirects to the demo
 * identity provider, whose page links to each person; that link redirects to Pulse's callback,
 * which sets the session cookie. Redirects are followed by hand, because the login cookie set on
 * the first answer must go with the callback.
 */
final class PulseSignIn {
    static final String SESSION_COOKIE = "pulse_session";
    static final String XSRF_COOKIE = "XSRF-TOKEN";

    private static final String LOGIN_COOKIE = "pulse_login";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String site;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT)
                    .build();

    /** Signs in at {@code site}, e.g. {@code http://localhost:8080}. */
    PulseSignIn(String site) {
        this.site = site;
    }

    /** A signed-in person's cookies. */
    record Session(String email, String session, String xsrf) {
        /** The {@code Cookie} header of their requests. */
        String cookieHeader() {
            return SESSION_COOKIE + "=" + session;
        }
    }

    Session signIn(String email) {
        HttpResponse<String> login = get(site + "/auth/login?returnTo=/", null);
        String loginCookie = cookie(login, LOGIN_COOKIE);
        HttpResponse<String> page = get(absolute(location(login)), null);
        HttpResponse<String> chosen = get(absolute(personLink(page.body(), email)), null);
        HttpResponse<String> callback =
                get(absolute(location(chosen)), LOGIN_COOKIE + "=" + loginCookie);
        return new Session(email, cookie(callback, SESSION_COOKIE), cookie(callback, XSRF_COOKIE));
    }

    /** The link on the provider's page that signs in as {@code email}. */
    static String personLink(String html, String email) {
        String person = "person=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (links.find()) {
            String href = links.group(1).replace("&amp;", "&");
            if (href.contains(person)) {
                return href;
            }
        }
        throw new IllegalStateException("the sign-in page offers no link for " + email);
    }

    private String absolute(String location) {
        return location.startsWith("/") ? site + location : location;
    }

    private HttpResponse<String> get(String url, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("sign-in failed at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing in", e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "sign-in: no redirect from "
                                                + response.uri()
                                                + " (status "
                                                + response.statusCode()
                                                + ")"));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, endOfValue(header)))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "sign-in: no cookie " + name + " from " + response.uri()));
    }

    private static int endOfValue(String header) {
        int semicolon = header.indexOf(';');
        return semicolon < 0 ? header.length() : semicolon;
    }
}
