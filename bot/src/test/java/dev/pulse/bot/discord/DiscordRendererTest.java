package dev.pulse.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.bot.testing.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {
    private final DiscordRenderer renderer = new DiscordRenderer();

    @Test
    void rendersAReplyAsAnEmbedWithButtons() {
        MessageCreateData data = renderer.render(Replies.portfolio());

        assertThat(data.getEmbeds()).hasSize(1);
        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("Your portfolio");
        assertThat(embed.getDescription())
                .startsWith("3 accounts, 1 at risk.")
                .contains("```\nAccount")
                .contains("Acme Corp")
                .endsWith("```");
        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getName, MessageEmbed.Field::getValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("At risk", "1"),
                        org.assertj.core.groups.Tuple.tuple("Healthy", "2"));
        assertThat(embed.getFields()).allMatch(MessageEmbed.Field::isInline);
        assertThat(embed.getFooter().getText()).isEqualTo("As of 09:30 UTC");

        List<net.dv8tion.jda.api.components.buttons.Button> buttons = buttons(data);
        assertThat(buttons)
                .extracting(b -> b.getCustomId(), b -> b.getStyle(), b -> b.getLabel())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "pulse.alert.ack|acme/gone-silent",
                                ButtonStyle.PRIMARY,
                                "Acknowledge"),
                        org.assertj.core.groups.Tuple.tuple(
                                "pulse.alert.resolve|acme/gone-silent",
                                ButtonStyle.DANGER,
                                "Resolve"),
                        org.assertj.core.groups.Tuple.tuple(
                                null, ButtonStyle.LINK, "Open account"));
        assertThat(buttons.get(2).getUrl()).isEqualTo("https://pulse.example.com/accounts/acme");
    }

    @Test
    void escapesDiscordMarkdownInPlainText() {
        MessageCreateData data =
                renderer.render(BotReply.builder().header("H").paragraph("a *b* _c_").build());

        assertThat(data.getEmbeds().get(0).getDescription()).isEqualTo("a \\*b\\* \\_c\\_");
    }

    @Test
    void aReplyWithoutBlocksIsPlainContent() {
        MessageCreateData data = renderer.render(new BotReply("just text", List.of(), false));

        assertThat(data.getEmbeds()).isEmpty();
        assertThat(data.getContent()).isEqualTo("just text");
    }

    @Test
    void aButtonWhoseIdIsTooLongIsLeftOutAndTheFooterSaysSo() {
        String longValue = "tenant/" + "x".repeat(120);
        BotReply reply =
                BotReply.builder()
                        .header("Alert")
                        .actions(
                                List.of(
                                        Button.action(
                                                "Acknowledge",
                                                ButtonAction.ACK_ALERT,
                                                longValue,
                                                Button.Style.PRIMARY),
                                        Button.action(
                                                "Snooze 1d",
                                                ButtonAction.SNOOZE_ALERT_1D,
                                                "acme/gone-silent",
                                                Button.Style.DEFAULT)))
                        .build();

        MessageCreateData data = renderer.render(reply);

        assertThat(buttons(data))
                .extracting(b -> b.getCustomId())
                .containsExactly("pulse.alert.snooze.1d|acme/gone-silent");
        assertThat(buttons(data).get(0).getStyle()).isEqualTo(ButtonStyle.SECONDARY);
        assertThat(data.getEmbeds().get(0).getFooter().getText())
                .contains("'Acknowledge' left out");
    }

    @Test
    void putsAtMostFiveButtonsInARowAndFiveRows() {
        List<Button> many =
                IntStream.range(0, 27)
                        .mapToObj(
                                i ->
                                        Button.action(
                                                "Ack " + i,
                                                ButtonAction.ACK_ALERT,
                                                "t/r" + i,
                                                Button.Style.DEFAULT))
                        .toList();

        MessageCreateData data =
                renderer.render(BotReply.builder().header("Many").actions(many).build());

        List<ActionRow> rows = rows(data);
        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(r -> assertThat(r.getButtons()).hasSize(5));
        assertThat(data.getEmbeds().get(0).getFooter().getText()).contains("2 buttons left out");
    }

    @Test
    void keepsEmbedLimitsByCuttingWithANote() {
        BotReply.Builder reply = BotReply.builder().header("T".repeat(300));
        reply.paragraph("p".repeat(5000));
        List<Block.Field> fields = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fields.add(new Block.Field("field " + i, "v".repeat(100)));
        }
        reply.fields(fields);

        MessageCreateData data = renderer.render(reply.build());

        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getTitle()).hasSize(MessageEmbed.TITLE_MAX_LENGTH).endsWith("…");
        assertThat(embed.getFields()).hasSizeLessThanOrEqualTo(MessageEmbed.MAX_FIELD_AMOUNT);
        assertThat(embed.getDescription().length())
                .isLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getFooter().getText()).contains("cut to fit");
    }

    @Test
    void aDigestIsOneEmbedPerAlertWithinTheMessageLimits() {
        List<BotReply> alerts =
                IntStream.range(0, 12)
                        .mapToObj(
                                i ->
                                        dev.pulse.bot.core.AlertReplies.of(
                                                Replies.notification(
                                                        "a@b.c", "acme/rule-" + i, "Acme " + i),
                                                "https://pulse.example.com"))
                        .toList();

        MessageCreateData data = renderer.render(alerts);

        assertThat(data.getEmbeds()).hasSize(10);
        assertThat(data.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum())
                .isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(rows(data)).hasSize(5);
        assertThat(data.getEmbeds().get(9).getFooter().getText()).contains("2 more not shown");
    }

    static List<ActionRow> rows(MessageCreateData data) {
        return data.getComponents().stream().map(c -> c.asActionRow()).toList();
    }

    static List<net.dv8tion.jda.api.components.buttons.Button> buttons(MessageCreateData data) {
        return rows(data).stream().flatMap(r -> r.getButtons().stream()).toList();
    }
}
