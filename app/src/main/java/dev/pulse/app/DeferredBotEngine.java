package dev.pulse.app;

import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chat front ends and their alert channels exist before the stream topology starts (the
 * notifier needs its channels then); the engine needs the started topology's reader. Until it is
 * set, questions get a polite "starting".
 */
final class DeferredBotEngine implements BotEngine {
    private static final BotReply STARTING =
            BotReply.plain("Pulse is starting up; ask me again in a few seconds.");

    private final AtomicReference<BotEngine> engine = new AtomicReference<>();

    void set(BotEngine ready) {
        engine.set(ready);
    }

    @Override
    public BotReply ask(ChatUser user, String text) {
        BotEngine e = engine.get();
        return e == null ? STARTING : e.ask(user, text);
    }

    @Override
    public BotReply press(ChatUser user, ButtonAction action, String value) {
        BotEngine e = engine.get();
        return e == null ? STARTING : e.press(user, action, value);
    }

    @Override
    public BotReply home(ChatUser user) {
        BotEngine e = engine.get();
        return e == null ? STARTING : e.home(user);
    }
}
