package dev.pulse.bot.discord;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side: registers {@code /pulse} when connected, and answers the command and button
 * presses. Each interaction is acknowledged at once with an ephemeral deferred reply (Discord
 * allows 3 s), then answered from {@code executor} through the interaction hook (allowed for 15
 * min).
 */
public final class DiscordBot extends ListenerAdapter {
    static final String COMMAND = "pulse";
    static final String OPTION = "ask";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final DiscordInteractions interactions;
    private final Optional<String> guildId;
    private final ExecutorService executor;

    public DiscordBot(
            DiscordInteractions interactions, Optional<String> guildId, ExecutorService executor) {
        this.interactions = interactions;
        this.guildId = guildId;
        this.executor = executor;
    }

    /** {@code /pulse ask:<question>}. */
    static SlashCommandData command() {
        return Commands.slash(COMMAND, "Ask Pulse about accounts, alerts and follow-ups")
                .addOption(
                        OptionType.STRING,
                        OPTION,
                        "What to ask, e.g. at-risk accounts, how is Acme, ack acme/gone-silent",
                        true);
    }

    @Override
    public void onReady(ReadyEvent event) {
        registerCommand(event.getJDA())
                .queue(
                        done -> LOG.info("Discord: /{} registered {}", COMMAND, where()),
                        e ->
                                LOG.error(
                                        "Discord: could not register /{} {}: {}",
                                        COMMAND,
                                        where(),
                                        e.getMessage()));
    }

    /** Replaces Pulse's commands on the guild (instant) or globally. */
    RestAction<?> registerCommand(JDA jda) {
        if (guildId.isPresent()) {
            Guild guild = jda.getGuildById(guildId.get());
            if (guild != null) {
                return guild.updateCommands().addCommands(command());
            }
            LOG.warn(
                    "Discord: the bot is not in server {} (bot.discord.guild-id); registering"
                            + " /{} globally",
                    guildId.get(),
                    COMMAND);
        }
        return jda.updateCommands().addCommands(command());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!COMMAND.equals(event.getName())) {
            return;
        }
        String text = event.getOption(OPTION, "", OptionMapping::getAsString);
        String userId = event.getUser().getId();
        String name = event.getUser().getEffectiveName();
        event.deferReply(true).queue();
        answer(event.getHook(), () -> interactions.ask(userId, name, text));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String customId = event.getComponentId();
        if (!customId.startsWith("pulse.")) {
            return;
        }
        String userId = event.getUser().getId();
        String name = event.getUser().getEffectiveName();
        event.deferReply(true).queue();
        answer(event.getHook(), () -> interactions.press(userId, name, customId));
    }

    private void answer(InteractionHook hook, Supplier<MessageCreateData> reply) {
        try {
            executor.execute(
                    () -> {
                        MessageCreateData data;
                        try {
                            data = reply.get();
                        } catch (RuntimeException e) {
                            LOG.error("Discord: answering an interaction failed", e);
                            data =
                                    MessageCreateData.fromContent(
                                            "Sorry, something went wrong on Pulse's side.");
                        }
                        hook.sendMessage(data)
                                .queue(
                                        null,
                                        e ->
                                                LOG.warn(
                                                        "Discord: could not send an answer: {}",
                                                        e.getMessage()));
                    });
        } catch (RejectedExecutionException e) {
            hook.sendMessage("Pulse is shutting down; try again in a minute.").queue();
        }
    }

    private String where() {
        return guildId.map(id -> "on server " + id).orElse("globally");
    }
}
