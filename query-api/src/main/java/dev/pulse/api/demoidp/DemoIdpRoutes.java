package dev.pulse.api.demoidp;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.api.http.HtmlPage;
import dev.pulse.api.http.JsonReply;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The demo identity provider over HTTP, under {@value #PREFIX}: discovery, key set, a sign-in page
 * that lists the people of the user directory by name and role (one link each), the token endpoint
 * and sign-out. Mounted in demo mode only.
 */
public final class DemoIdpRoutes {
    public static final String PREFIX = "/demo-idp";
    static final String DISCOVERY = "/.well-known/openid-configuration";
    static final String JWKS = "/jwks";
    static final String AUTHORIZE = "/authorize";
    static final String CHOOSE = "/choose";
    static final String TOKEN = "/token";
    static final String END_SESSION = "/end-session";
    private static final long FORM_LIMIT_BYTES = 16 * 1024;

    private final DemoOidcProvider provider;

    public DemoIdpRoutes(DemoOidcProvider provider) {
        this.provider = provider;
    }

    /**
     * The provider's issuer for a Pulse reached at {@code base} ({@code http://localhost:8080}).
     */
    public static URI issuerAt(String base) {
        return URI.create(base + PREFIX);
    }

    public void mount(Router router) {
        router.get(PREFIX + DISCOVERY)
                .handler(ctx -> JsonReply.send(ctx, 200, provider.discovery()));
        router.get(PREFIX + JWKS)
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                        .end(provider.publicKeys()));
        router.get(PREFIX + AUTHORIZE).handler(this::authorize);
        router.get(PREFIX + CHOOSE).handler(this::choose);
        router.post(PREFIX + TOKEN)
                .handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT_BYTES))
                .handler(this::token);
        router.get(PREFIX + END_SESSION).handler(this::endSession);
    }

    private void authorize(RoutingContext ctx) {
        String requestId;
        try {
            requestId = provider.authorize(single(ctx.request().params()));
        } catch (DemoOidcProvider.Refused e) {
            HtmlPage.send(
                    ctx,
                    e.status(),
                    "Demo sign-in refused",
                    "<p>" + HtmlPage.escape(e.error() + ": " + e.getMessage()) + "</p>");
            return;
        }
        StringBuilder body =
                new StringBuilder(
                        "<p>This is Pulse's demo identity provider. Choose who to be; a real"
                                + " deployment signs you in with your company's identity"
                                + " provider instead.</p><ul aria-label=\"Demo people\">");
        for (DirectoryUser person : provider.people()) {
            String name = person.name() == null ? person.email() : person.name();
            String role = describe(person);
            body.append("<li><a class=\"button\" href=\"")
                    .append(PREFIX)
                    .append(CHOOSE)
                    .append("?request=")
                    .append(encode(requestId))
                    .append("&amp;person=")
                    .append(HtmlPage.escape(encode(person.email())))
                    .append("\" aria-label=\"Sign in as ")
                    .append(HtmlPage.escape(name + ", " + role))
                    .append("\"><strong>")
                    .append(HtmlPage.escape(name))
                    .append("</strong> <span>")
                    .append(HtmlPage.escape(role))
                    .append("</span> <small>")
                    .append(HtmlPage.escape(person.email()))
                    .append("</small></a></li>");
        }
        body.append("</ul>");
        HtmlPage.send(ctx, 200, "Sign in to Pulse (demo)", body.toString());
    }

    private void choose(RoutingContext ctx) {
        try {
            URI location =
                    provider.choose(
                            ctx.request().getParam("request"), ctx.request().getParam("person"));
            ctx.response()
                    .setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, location.toString())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
        } catch (DemoOidcProvider.Refused e) {
            HtmlPage.send(
                    ctx,
                    e.status(),
                    "Demo sign-in refused",
                    "<p>" + HtmlPage.escape(e.getMessage()) + "</p>");
        }
    }

    private void token(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            JsonReply.send(
                    ctx,
                    200,
                    provider.token(
                            single(ctx.request().formAttributes()),
                            basic(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))));
        } catch (DemoOidcProvider.Refused e) {
            JsonReply.send(
                    ctx,
                    e.status(),
                    Map.of("error", e.error(), "error_description", e.getMessage()));
        }
    }

    private void endSession(RoutingContext ctx) {
        provider.afterSignOut(ctx.request().getParam("post_logout_redirect_uri"))
                .ifPresentOrElse(
                        home ->
                                ctx.response()
                                        .setStatusCode(302)
                                        .putHeader(HttpHeaders.LOCATION, home.toString())
                                        .end(),
                        () ->
                                HtmlPage.send(
                                        ctx,
                                        200,
                                        "Signed out",
                                        "<p>You are signed out of the demo identity"
                                                + " provider.</p>"));
    }

    private static String describe(DirectoryUser person) {
        String role = person.role().label();
        return person.role() == Role.CUSTOMER_ADMIN && person.tenant() != null
                ? role + " of " + person.tenant()
                : role;
    }

    /** Client id and secret of an HTTP Basic header (each form-urlencoded, RFC 6749 2.3.1). */
    static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded =
                    new String(
                            Base64.getDecoder().decode(header.substring(6).strip()),
                            StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
    }

    private static Map<String, String> single(MultiMap values) {
        Map<String, String> out = new HashMap<>();
        values.forEach(
                entry ->
                        out.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
