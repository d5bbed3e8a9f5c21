package dev.pulse.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.bot.reply.ReplyFile;
import dev.pulse.bot.testing.RecordingEngine;
import dev.pulse.bot.testing.Replies;
import java.nio.charset.StandardCharsets;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordInteractionsTest {
    private final RecordingEngine engine = new RecordingEngine().answering(Replies.portfolio());
    private final DiscordInteractions interactions =
            new DiscordInteractions(engine, new DiscordRenderer());

    @Test
    void asksTheEngineAsTheDiscordUserAndRendersTheAnswer() {
        MessageCreateData data = interactions.ask("112233445566778899", "megan", "portfolio");

        assertThat(engine.calls()).hasSize(1);
        assertThat(engine.calls().get(0).kind()).isEqualTo(RecordingEngine.Kind.ASK);
        assertThat(engine.calls().get(0).user())
                .isEqualTo(new ChatUser("discord", "112233445566778899", "megan", null));
        assertThat(engine.calls().get(0).text()).isEqualTo("portfolio");
        assertThat(data.getEmbeds().get(0).getTitle()).isEqualTo("Your portfolio");
    }

    @Test
    void aReportIsAttachedToTheAnswer() throws Exception {
        byte[] csv = "tenant,score\r\nacme,48\r\n".getBytes(StandardCharsets.UTF_8);
        engine.answering(
                BotReply.plain("Portfolio report")
                        .withFile(new ReplyFile("portfolio.csv", "text/csv", csv)));

        MessageCreateData data = interactions.ask("1", "megan", "report portfolio csv");

        assertThat(data.getFiles()).hasSize(1);
        assertThat(data.getFiles().get(0).getName()).isEqualTo("portfolio.csv");
        try (var in = data.getFiles().get(0).getData()) {
            assertThat(in.readAllBytes()).isEqualTo(csv);
        }
        assertThat(data.getEmbeds().get(0).getDescription()).contains("Portfolio report");
    }

    @Test
    void aButtonPressReachesTheEngineWithItsActionAndValue() {
        MessageCreateData data =
                interactions.press(
                        "112233445566778899", "megan", "pulse.alert.snooze.7d|acme/gone-silent");

        RecordingEngine.Call call = engine.calls().get(0);
        assertThat(call.kind()).isEqualTo(RecordingEngine.Kind.PRESS);
        assertThat(call.action()).isEqualTo(ButtonAction.SNOOZE_ALERT_7D);
        assertThat(call.text()).isEqualTo("acme/gone-silent");
        assertThat(data.getEmbeds()).hasSize(1);
    }

    @Test
    void anUnknownButtonGetsAHelpfulAnswerAndDoesNotReachTheEngine() {
        for (String id : new String[] {"pulse.alert.explode|acme/x", "no-separator", "|x", "a|"}) {
            MessageCreateData data = interactions.press("1", "megan", id);

            assertThat(data.getEmbeds().get(0).getDescription()).contains("/pulse");
        }
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void theCustomIdRoundTripsThroughTheRenderer() {
        String id = DiscordRenderer.customId(ButtonAction.ACK_ALERT.id(), "acme/a|b");

        assertThat(DiscordInteractions.parse(id))
                .contains(new DiscordInteractions.Pressed(ButtonAction.ACK_ALERT, "acme/a|b"));
    }

    @Test
    void theSlashCommandIsPulseWithARequiredAskOption() {
        SlashCommandData command = DiscordBot.command();

        assertThat(command.getName()).isEqualTo("pulse");
        assertThat(command.getOptions()).hasSize(1);
        OptionData ask = command.getOptions().get(0);
        assertThat(ask.getName()).isEqualTo("ask");
        assertThat(ask.getType()).isEqualTo(OptionType.STRING);
        assertThat(ask.isRequired()).isTrue();
    }
}
