package dev.pulse.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Validators of read answers ({@code ETag}, RFC 9110 §8.8.3) taken from the answer's bytes, so a
 * client that polls (a BI tool, a script) sends back {@code If-None-Match} and gets {@code 304 Not
 * Modified}, no body, while nothing it can see has changed: the same tag means the same bytes,
 * whichever instance answered and whatever the data's history. The answer is still read and
 * authorized (and audited) in full; what the 304 saves is the transfer and the client's parsing.
 * Data answers stay {@code no-store}, so browsers keep no copy.
 */
public final class EntityTags {
    /** 128 bits of SHA-256: far beyond any chance collision between two versions of one answer. */
    private static final int TAG_BYTES = 16;

    private EntityTags() {}

    /** The strong entity tag of {@code body}, quoted. */
    public static String of(byte[] body) {
        byte[] digest = sha256().digest(body);
        return '"'
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Arrays.copyOf(digest, TAG_BYTES))
                + '"';
    }

    /**
     * Whether an {@code If-None-Match} header names {@code tag} (or is {@code *}): the weak
     * comparison the header calls for, so a {@code W/} prefix added by a proxy still matches.
     */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*")) {
                return true;
            }
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tags a {@code GET} answer and, when the request already holds that version, ends it with
     * {@code 304}. Other methods are left alone ({@code If-None-Match} on a write means something
     * else). Call before anything else writes the response.
     *
     * @return true when the 304 was sent and the caller must not send the body
     */
    public static boolean notModified(RoutingContext ctx, String tag) {
        if (ctx.response().closed()) {
            return true;
        }
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        ctx.response().putHeader(HttpHeaders.ETAG, tag);
        if (!matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
            return false;
        }
        ctx.response().setStatusCode(304).end();
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
