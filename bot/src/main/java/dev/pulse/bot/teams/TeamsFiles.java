package dev.pulse.bot.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import dev.pulse.bot.reply.ReplyFile;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files for Teams, which takes no uploads from an outgoing webhook's reply: the file is kept here
 * for {@link #TTL} and the card gets a download button ({@code Action.OpenUrl}, the only action
 * such replies may carry) to a short-lived signed link, {@code
 * /teams/files/<token>?expires=<epoch-seconds>&signature=<HMAC-SHA256>}. The key is random per
 * instance and the file lives in this instance's memory: behind a load balancer, route {@code
 * /teams/files/} to the instance that answered (sticky by source, or one bot instance).
 */
public final class TeamsFiles {
    public static final String PATH = "/teams/files/";
    static final Duration TTL = Duration.ofMinutes(15);

    /** The longest a link may be asked to last; the signed expiry decides for each link. */
    private static final Duration MAX_TTL = Duration.ofDays(1);

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String baseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    private final Cache<String, ReplyFile> files =
            Caffeine.newBuilder().expireAfterWrite(MAX_TTL).maximumSize(500).build();

    /**
     * @param baseUrl the public address of Pulse, as people's browsers reach it
     */
    public TeamsFiles(String baseUrl, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
        random.nextBytes(key);
    }

    public void mount(Router router) {
        router.get(PATH + ":token").handler(this::serve);
    }

    /** The reply with its file replaced by a download button; unchanged when it has none. */
    public BotReply withDownloadLink(BotReply reply) {
        return withDownloadLink(reply, TTL);
    }

    /** As {@link #withDownloadLink(BotReply)}, the link valid for {@code ttl} (at most a day). */
    public BotReply withDownloadLink(BotReply reply, Duration ttl) {
        ReplyFile file = reply.file();
        if (file == null) {
            return reply;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = URL.encodeToString(bytes);
        files.put(token, file);
        Duration valid = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        long expires = clock.instant().plus(valid).getEpochSecond();
        String url =
                baseUrl
                        + PATH
                        + token
                        + "?expires="
                        + expires
                        + "&signature="
                        + sign(token, expires);
        List<Block> blocks = new ArrayList<>(reply.blocks());
        blocks.add(new Block.Actions(List.of(Button.link("Download " + file.fileName(), url))));
        return new BotReply(
                reply.text() + "\nDownload (valid " + valid.toMinutes() + " minutes): " + url,
                blocks,
                reply.visibleToAll(),
                null);
    }

    private void serve(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        long expires;
        try {
            expires = Long.parseLong(ctx.request().getParam("expires", ""));
        } catch (NumberFormatException e) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        byte[] presented =
                ctx.request().getParam("signature", "").getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(token, expires).getBytes(StandardCharsets.US_ASCII);
        ReplyFile file = files.getIfPresent(token);
        if (!MessageDigest.isEqual(expected, presented)
                || Instant.ofEpochSecond(expires).isBefore(clock.instant())
                || file == null) {
            // Expired, forged or unknown look the same: the link is simply no longer valid.
            ctx.response().setStatusCode(404).end("This download link has expired.");
            return;
        }
        ctx.response()
                .putHeader("Content-Type", file.mediaType())
                .putHeader(
                        "Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(file.bytes()));
    }

    private String sign(String token, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return URL.encodeToString(
                    mac.doFinal((token + "." + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
