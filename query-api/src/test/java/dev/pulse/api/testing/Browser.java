package dev.pulse.api.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A browser for sign-in tests: keeps cookies by name and path as a browser on {@code localhost}
 * does (Secure cookies included, since browsers treat localhost as a secure origin), and follows
 * redirects one hop at a time. Every test host is localhost, so cookies are not told apart by host.
 */
public final class Browser {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A stored cookie with the attributes tests look at. */
    public record StoredCookie(String name, String value, String path, String attributes) {
        public boolean has(String attribute) {
            return attributes.toLowerCase(Locale.ROOT).contains(attribute.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT)
                    .build();
    private final Map<String, StoredCookie> cookies = new LinkedHashMap<>();

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Sends with the cookies that apply and stores those the answer sets. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        String path = built.uri().getPath();
        String cookieHeader =
                cookies.values().stream()
                        .filter(c -> path.startsWith(c.path()))
                        .map(c -> c.name() + "=" + c.value())
                        .collect(Collectors.joining("; "));
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(built, (name, value) -> true);
        if (!cookieHeader.isEmpty()) {
            withCookies.header("Cookie", cookieHeader);
        }
        HttpResponse<String> response = RunningApi.send(http, withCookies.build());
        response.headers().allValues("Set-Cookie").forEach(this::store);
        return response;
    }

    /**
     * Follows redirects from {@code start} until an answer that is not a redirect, or a redirect
     * whose target {@code stopBefore} accepts (that redirect is returned, not followed).
     */
    public HttpResponse<String> follow(URI start, Predicate<URI> stopBefore) {
        HttpResponse<String> response = get(start);
        for (int hops = 0; hops < 10; hops++) {
            Optional<URI> next = location(response);
            if (next.isEmpty() || stopBefore.test(next.get())) {
                return response;
            }
            response = get(next.get());
        }
        throw new AssertionError("more than 10 redirects from " + start);
    }

    public static Optional<URI> location(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 300 || status >= 400) {
            return Optional.empty();
        }
        return response.headers()
                .firstValue("Location")
                .map(location -> response.uri().resolve(location));
    }

    public Optional<StoredCookie> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Forgets one cookie, as a person clearing it (or another browser) would. */
    public void drop(String name) {
        cookies.remove(name);
    }

    public void put(String name, String value, String path) {
        cookies.put(name, new StoredCookie(name, value, path, ""));
    }

    private void store(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String lower = attribute.toLowerCase(Locale.ROOT);
            if (lower.startsWith("path=")) {
                path = attribute.substring(5);
            } else if (lower.equals("max-age=0") || lower.startsWith("max-age=-")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, new StoredCookie(name, value, path, header));
        }
    }
}
