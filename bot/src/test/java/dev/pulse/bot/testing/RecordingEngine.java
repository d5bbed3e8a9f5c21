package dev.pulse.bot.testing;

import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in engine for adapter tests: records every call and answers a canned reply. */
public final class RecordingEngine implements BotEngine {
    /** One call: what was asked or pressed, by whom. */
    public record Call(String kind, ChatUser user, String text, ButtonAction action) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile BotReply reply = BotReply.plain("ok");
    private final EngineGate gate = new EngineGate();

    public RecordingEngine answering(BotReply reply) {
        this.reply = reply;
        return this;
    }

    /** Answers wait until the test releases the gate. */
    public EngineGate gate() {
        return gate;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public BotReply ask(ChatUser user, String text) {
        calls.add(new Call("ask", user, text, null));
        return answer();
    }

    @Override
    public BotReply press(ChatUser user, ButtonAction action, String value) {
        calls.add(new Call("press", user, value, action));
        return answer();
    }

    @Override
    public BotReply home(ChatUser user) {
        calls.add(new Call("home", user, null, null));
        return answer();
    }

    private BotReply answer() {
        gate.pass();
        return reply;
    }
}
