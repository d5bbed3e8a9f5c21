package dev.pulse.bot.core;

import dev.pulse.bot.reply.BotReply;
import java.util.List;

/**
 * An answer with what the audit log needs about it.
 *
 * @param status as HTTP would say it: 200 answered, 202 accepted (a command was published), 400 not
 *     understood, 403 refused, 404 not found, 409 does not fit, 503 try again
 * @param tenants the accounts asked about or shown
 */
record Outcome(BotReply reply, int status, List<String> tenants, String detail) {
    static Outcome ok(BotReply reply, List<String> tenants) {
        return new Outcome(reply, 200, tenants, null);
    }

    static Outcome status(int status, String text, String detail) {
        return new Outcome(BotReply.plain(text), status, List.of(), detail);
    }
}
