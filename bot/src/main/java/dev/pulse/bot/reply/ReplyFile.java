package dev.pulse.bot.reply;

import java.util.Objects;

/**
 * A file an answer brings (a rendered report): Slack uploads it into the conversation, Discord
 * attaches it to the message, Teams links to it.
 *
 * @param mediaType {@code application/pdf}, {@code text/csv; charset=utf-8}, ...
 */
public record ReplyFile(String fileName, String mediaType, byte[] bytes) {
    public ReplyFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
