package dev.pulse.bot.testing;

import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in engine for adapter tests: records every call and answers a canned reply, when its gate
 * lets it.
 */
public final class RecordingEngine implements BotEngine {
    /** One call: what was asked (or the pressed button's value), by whom. */
    public record Call(Kind kind, ChatUser user, String text, ButtonAction action) {}

    public enum Kind {
        ASK,
        PRESS,
        HOME
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final EngineGate gate = new EngineGate();
    private volatile BotReply reply = BotReply.plain("ok");
    private volatile Function<String, BotReply> pressReply = value -> reply;

    /** The answer to questions, home tabs and (unless set apart) button presses. */
    public RecordingEngine answering(BotReply reply) {
        this.reply = reply;
        return this;
    }

    /** The answer to a button press, from the button's value. */
    public RecordingEngine answeringPresses(Function<String, BotReply> pressReply) {
        this.pressReply = pressReply;
        return this;
    }

    /** Answers wait until the test releases the gate. */
    public EngineGate gate() {
        return gate;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(Kind kind) {
        return calls.stream().filter(call -> call.kind() == kind).toList();
    }

    @Override
    public BotReply ask(ChatUser user, String text) {
        calls.add(new Call(Kind.ASK, user, text, null));
        gate.pass();
        return reply;
    }

    @Override
    public BotReply press(ChatUser user, ButtonAction action, String value) {
        calls.add(new Call(Kind.PRESS, user, value, action));
        gate.pass();
        return pressReply.apply(value);
    }

    @Override
    public BotReply home(ChatUser user) {
        calls.add(new Call(Kind.HOME, user, null, null));
        gate.pass();
        return reply;
    }
}
