package dev.pulse.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The few HTML pages the API itself serves (sign-in errors, the demo identity provider): one plain
 * page shape, every inserted text escaped, never cached, never framed.
 */
public final class HtmlPage {
    public static final String MEDIA_TYPE = "text/html; charset=utf-8";

    private HtmlPage() {}

    /** Sends a page titled {@code title} whose body is {@code bodyHtml} (already escaped). */
    public static void send(RoutingContext ctx, int status, String title, String bodyHtml) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .putHeader("X-Frame-Options", "DENY")
                .end(page(title, bodyHtml));
    }

    static String page(String title, String bodyHtml) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;"
                + "margin:3rem auto;padding:0 1rem;line-height:1.5}"
                + "a.button{display:block;margin:.5rem 0;padding:.75rem 1rem;border:1px solid #888;"
                + "border-radius:.4rem;text-decoration:none;color:inherit}"
                + "a.button:focus,a.button:hover{background:#eef}</style></head><body><main>"
                + "<h1>"
                + escape(title)
                + "</h1>"
                + bodyHtml
                + "</main></body></html>\n";
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
