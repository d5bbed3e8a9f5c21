package dev.pulse.bot.discord;

import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import java.util.Optional;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * What {@code /pulse} and the buttons do, without a gateway: ask the {@link BotEngine}, render the
 * answer. Discord vouches for no e-mail to bots, so the person is {@code ChatUser(discord, <user
 * id>, <name>, null)} and the engine finds them by {@code chat: {discord: <id>}} in the user
 * directory.
 */
public final class DiscordInteractions {
    /** The platform name in {@link ChatUser} and in the directory's {@code chat:} ids. */
    public static final String PLATFORM = "discord";

    private final BotEngine engine;
    private final DiscordRenderer renderer;

    public DiscordInteractions(BotEngine engine, DiscordRenderer renderer) {
        this.engine = engine;
        this.renderer = renderer;
    }

    /** {@code /pulse ask:<text>}. */
    public MessageCreateData ask(String userId, String userName, String text) {
        return renderer.render(engine.ask(user(userId, userName), text == null ? "" : text));
    }

    /** A press of a button whose custom id is {@code <action id>|<value>}. */
    public MessageCreateData press(String userId, String userName, String customId) {
        Optional<Pressed> pressed = parse(customId);
        if (pressed.isEmpty()) {
            return renderer.render(
                    BotReply.plain(
                            "Pulse does not know that button any more. Type the action"
                                    + " instead, e.g. /pulse ask: ack <alert>, or /pulse ask:"
                                    + " help."));
        }
        return renderer.render(
                engine.press(
                        user(userId, userName), pressed.get().action(), pressed.get().value()));
    }

    /** The action and value in a custom id written by {@link DiscordRenderer}. */
    static Optional<Pressed> parse(String customId) {
        if (customId == null) {
            return Optional.empty();
        }
        int bar = customId.indexOf(DiscordRenderer.ID_SEPARATOR);
        if (bar <= 0 || bar == customId.length() - 1) {
            return Optional.empty();
        }
        String value = customId.substring(bar + 1);
        return ButtonAction.fromId(customId.substring(0, bar))
                .map(action -> new Pressed(action, value));
    }

    private static ChatUser user(String userId, String userName) {
        return new ChatUser(PLATFORM, userId, userName, null);
    }

    record Pressed(ButtonAction action, String value) {}
}
