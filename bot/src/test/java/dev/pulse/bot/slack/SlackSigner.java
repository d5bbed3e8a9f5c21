package dev.pulse.bot.slack;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request body as Slack documents it: HMAC-SHA256 keyed with the signing secret over {@code
 * v0:<timestamp>:<body>}, sent as {@code X-Slack-Signature: v0=<hex>} beside {@code
 * X-Slack-Request-Timestamp}.
 */
public final class SlackSigner {
    private SlackSigner() {}

    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
