package dev.pulse.bot.core;

import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;

/**
 * What every platform adapter calls: the same commands, the same authorization, the same audit,
 * whatever the platform. Calls may block (store reads, Kafka): adapters call them off their I/O
 * threads. They never throw for bad input; an answer always comes back.
 */
public interface BotEngine {
    /** Answers a message ("at-risk accounts for Sarah") from {@code user}. */
    BotReply ask(ChatUser user, String text);

    /**
     * Applies a button press ({@link ButtonAction}) on {@code value} (an alert id) by {@code user}.
     */
    BotReply press(ChatUser user, ButtonAction action, String value);

    /** The user's portfolio, for home tabs; same checks as {@link #ask}. */
    BotReply home(ChatUser user);
}
