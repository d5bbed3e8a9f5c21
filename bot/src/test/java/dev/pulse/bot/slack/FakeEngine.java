package dev.pulse.bot.slack;

import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.bot.testing.EngineGate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the adapter asks and answers with canned replies, when its gate lets it. */
final class FakeEngine implements BotEngine {
    record Asked(ChatUser user, String text) {}

    record Pressed(ChatUser user, ButtonAction action, String value) {}

    final List<Asked> asked = new CopyOnWriteArrayList<>();
    final List<Pressed> pressed = new CopyOnWriteArrayList<>();
    final List<ChatUser> homes = new CopyOnWriteArrayList<>();
    final EngineGate gate = new EngineGate();

    static BotReply portfolio() {
        return BotReply.builder()
                .header("Your portfolio")
                .table(
                        new Block.Table(
                                List.of("Account", "Score", "Band", "Trend", "Reason"),
                                List.of(
                                        List.of("Acme", "48", "at-risk", "down", "no logins 8d"),
                                        List.of("Globex", "82", "healthy", "up", "usage +20%"))))
                .context("As of 2026-11-21 09:00 UTC")
                .build();
    }

    @Override
    public BotReply ask(ChatUser user, String text) {
        pause();
        asked.add(new Asked(user, text));
        return portfolio();
    }

    @Override
    public BotReply press(ChatUser user, ButtonAction action, String value) {
        pause();
        pressed.add(new Pressed(user, action, value));
        return BotReply.plain("Acknowledged " + value + ".");
    }

    @Override
    public BotReply home(ChatUser user) {
        pause();
        homes.add(user);
        return portfolio();
    }

    private void pause() {
        gate.pass();
    }
}
