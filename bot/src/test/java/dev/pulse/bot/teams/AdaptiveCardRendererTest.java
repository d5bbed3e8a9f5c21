package dev.pulse.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.bot.command.BotCommand;
import dev.pulse.bot.command.CommandParser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.bot.testing.Replies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {

    @Test
    void rendersEveryBlockAsItsAdaptiveCardElement() {
        ObjectNode card = new AdaptiveCardRenderer(true).card(Replies.portfolio());

        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        JsonNode body = card.path("body");
        assertThat(types(body))
                .containsExactly(
                        "TextBlock", "TextBlock", "FactSet", "Table", "ActionSet", "TextBlock");
        assertThat(body.get(0).path("size").asText()).isEqualTo("Large");
        assertThat(body.get(0).path("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(1).path("wrap").asBoolean()).isTrue();
        assertThat(body.get(2).path("facts").get(0).path("title").asText()).isEqualTo("At risk");
        assertThat(body.get(2).path("facts").get(0).path("value").asText()).isEqualTo("1");

        JsonNode rows = body.get(3).path("rows");
        assertThat(rows).hasSize(3);
        assertThat(cells(rows.get(0)))
                .containsExactly("Account", "Score", "Band", "Trend", "Reason");
        assertThat(cells(rows.get(1)))
                .containsExactly("Acme Corp", "31", "at-risk", "↓", "usage -60%");

        JsonNode actions = body.get(4).path("actions");
        assertThat(actions.get(0).path("type").asText()).isEqualTo("Action.Submit");
        assertThat(actions.get(0).path("data").path("action").asText())
                .isEqualTo("pulse.alert.ack");
        assertThat(actions.get(0).path("data").path("value").asText())
                .isEqualTo("acme/gone-silent");
        assertThat(actions.get(1).path("style").asText()).isEqualTo("destructive");
        assertThat(actions.get(2).path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(actions.get(2).path("url").asText())
                .isEqualTo("https://pulse.example.com/accounts/acme");

        JsonNode context = body.get(5);
        assertThat(context.path("isSubtle").asBoolean()).isTrue();
        assertThat(context.path("size").asText()).isEqualTo("Small");
    }

    @Test
    void withoutABotFrameworkBotActionButtonsBecomeTheCommandToType() {
        ObjectNode card = new AdaptiveCardRenderer(false).card(Replies.portfolio());

        String all = card.toString();
        assertThat(all).doesNotContain("Action.Submit");
        assertThat(all).contains("ack acme/gone-silent").contains("resolve acme/gone-silent");
        assertThat(all).contains("Action.OpenUrl");
    }

    @Test
    void theCommandsToTypeAreOnesThePulseParserUnderstands() {
        CommandParser parser =
                new CommandParser(
                        Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC),
                        ZoneOffset.UTC);

        assertThat(
                        parser.parse(
                                AdaptiveCardRenderer.command(
                                        ButtonAction.ACK_ALERT, "acme/gone-silent")))
                .isInstanceOf(BotCommand.AckAlert.class);
        assertThat(
                        parser.parse(
                                AdaptiveCardRenderer.command(
                                        ButtonAction.SNOOZE_ALERT_7D, "acme/gone-silent")))
                .isEqualTo(
                        new BotCommand.SnoozeAlert(
                                ((BotCommand.AckAlert) parser.parse("ack acme/gone-silent"))
                                        .alert(),
                                Duration.ofDays(7)));
        assertThat(
                        parser.parse(
                                AdaptiveCardRenderer.command(
                                        ButtonAction.RESOLVE_ALERT, "acme/gone-silent")))
                .isInstanceOf(BotCommand.ResolveAlert.class);
    }

    @Test
    void stripsControlCharactersButKeepsLineBreaksAndMarkup() {
        ObjectNode card =
                new AdaptiveCardRenderer(false)
                        .card(BotReply.plain("a\u0000b\u0007c\nd <b>**e**</b> & f"));

        assertThat(card.path("body").get(0).path("text").asText())
                .isEqualTo("abc\nd <b>**e**</b> & f");
    }

    @Test
    void aDigestIsOneCardWithSeparatedParts() {
        ObjectNode card =
                new AdaptiveCardRenderer(false)
                        .card(List.of(Replies.portfolio(), BotReply.plain("second")));

        JsonNode body = card.path("body");
        JsonNode last = body.get(body.size() - 1);
        assertThat(last.path("text").asText()).isEqualTo("second");
        assertThat(last.path("separator").asBoolean()).isTrue();
    }

    @Test
    void wrapsACardInAMessageActivity() {
        AdaptiveCardRenderer renderer = new AdaptiveCardRenderer(false);
        ObjectNode message = renderer.message(renderer.card(BotReply.plain("hi")));

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("attachments").get(0).path("contentType").asText())
                .isEqualTo(AdaptiveCardRenderer.CONTENT_TYPE);
        assertThat(message.path("attachments").get(0).path("content").path("type").asText())
                .isEqualTo("AdaptiveCard");
    }

    private static List<String> types(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.forEach(n -> out.add(n.path("type").asText()));
        return out;
    }

    private static List<String> cells(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.path("cells").forEach(c -> out.add(c.path("items").get(0).path("text").asText()));
        return out;
    }
}
