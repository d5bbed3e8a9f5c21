package dev.pulse.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.bot.testing.Replies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackRendererTest {

    @Test
    void portfolioIsACompactAlignedTableWithTrendArrows() {
        List<LayoutBlock> blocks = SlackRenderer.render(Replies.portfolioTable());

        assertThat(blocks).hasSize(3);
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo("Your portfolio");
        String table = text(blocks.get(1));
        assertThat(table)
                .isEqualTo(
                        "```\n"
                                + "Account  Score  Band     Trend  Reason\n"
                                + "Acme     48     at-risk  ▼      no logins 8d\n"
                                + "Globex   82     healthy  ▲      usage +20%\n"
                                + "```");
        assertThat(blocks.get(2)).isInstanceOf(ContextBlock.class);
    }

    @Test
    void trendWordsBecomeArrowsAndOthersStay() {
        assertThat(SlackRenderer.arrow("up")).isEqualTo("▲");
        assertThat(SlackRenderer.arrow("Down")).isEqualTo("▼");
        assertThat(SlackRenderer.arrow("flat")).isEqualTo("▶");
        assertThat(SlackRenderer.arrow("▲")).isEqualTo("▲");
        assertThat(SlackRenderer.arrow("n/a")).isEqualTo("n/a");
    }

    @Test
    void ampersandAndAngleBracketsAreEscapedSoTextCannotPingOrLink() {
        BotReply reply =
                BotReply.builder()
                        .paragraph("Acme & Co <!channel> <https://evil.test|click>")
                        .fields(List.of(new Block.Field("A<b>", "x & y")))
                        .context("1 < 2")
                        .build();

        List<LayoutBlock> blocks = SlackRenderer.render(reply);

        assertThat(text(blocks.get(0)))
                .isEqualTo("Acme &amp; Co &lt;!channel&gt; &lt;https://evil.test|click&gt;");
        assertThat(((SectionBlock) blocks.get(1)).getFields().get(0).getText())
                .isEqualTo("*A&lt;b&gt;*\nx &amp; y");
        assertThat(
                        ((MarkdownTextObject) ((ContextBlock) blocks.get(2)).getElements().get(0))
                                .getText())
                .isEqualTo("1 &lt; 2");
    }

    @Test
    void buttonsCarryTheActionIdTheAlertIdAndTheirStyle() {
        BotReply reply =
                BotReply.builder()
                        .actions(
                                List.of(
                                        Button.action(
                                                "Acknowledge",
                                                ButtonAction.ACK_ALERT,
                                                "acme/gone-silent",
                                                Button.Style.PRIMARY),
                                        Button.action(
                                                "Resolve",
                                                ButtonAction.RESOLVE_ALERT,
                                                "acme/gone-silent",
                                                Button.Style.DANGER),
                                        Button.link("Open account", "https://p.test/a/acme")))
                        .build();

        ActionsBlock actions = (ActionsBlock) SlackRenderer.render(reply).get(0);

        ButtonElement ack = (ButtonElement) actions.getElements().get(0);
        assertThat(ack.getActionId()).isEqualTo("pulse.alert.ack");
        assertThat(ack.getValue()).isEqualTo("acme/gone-silent");
        assertThat(ack.getStyle()).isEqualTo("primary");
        assertThat(((ButtonElement) actions.getElements().get(1)).getStyle()).isEqualTo("danger");
        ButtonElement link = (ButtonElement) actions.getElements().get(2);
        assertThat(link.getUrl()).isEqualTo("https://p.test/a/acme");
        assertThat(link.getStyle()).isNull();
        assertThat(link.getActionId()).startsWith("pulse.link.");
    }

    @Test
    void longHeaderIsCutTo150Characters() {
        BotReply reply = BotReply.builder().header("x".repeat(400)).build();

        String header = ((HeaderBlock) SlackRenderer.render(reply).get(0)).getText().getText();

        assertThat(header).hasSize(150).endsWith("…");
    }

    @Test
    void longParagraphIsSplitIntoSectionsOfAt3000Characters() {
        String line = "a".repeat(99) + "\n";
        BotReply reply = BotReply.plain(line.repeat(70));

        List<LayoutBlock> blocks = SlackRenderer.render(reply);

        assertThat(blocks).hasSize(3);
        blocks.forEach(b -> assertThat(text(b).length()).isLessThanOrEqualTo(3000));
    }

    @Test
    void moreThanTenFieldsAreSplitAcrossSections() {
        List<Block.Field> fields = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            fields.add(new Block.Field("k" + i, "v" + i));
        }

        List<LayoutBlock> blocks = SlackRenderer.render(BotReply.builder().fields(fields).build());

        assertThat(blocks).hasSize(3);
        assertThat(((SectionBlock) blocks.get(0)).getFields()).hasSize(10);
        assertThat(((SectionBlock) blocks.get(2)).getFields()).hasSize(3);
    }

    @Test
    void bigTableIsSplitIntoCodeBlocksUnder3000CharactersEachWithTheHeaderRow() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(List.of("Account " + i, "50", "watch", "flat", "a reason that is long"));
        }
        BotReply reply =
                BotReply.builder()
                        .table(
                                new Block.Table(
                                        List.of("Account", "Score", "Band", "Trend", "Reason"),
                                        rows))
                        .build();

        List<LayoutBlock> blocks = SlackRenderer.render(reply);

        assertThat(blocks).hasSizeGreaterThan(1);
        for (LayoutBlock block : blocks) {
            assertThat(text(block)).hasSizeLessThanOrEqualTo(3000).startsWith("```\nAccount");
        }
        assertThat(String.join("", blocks.stream().map(SlackRendererTest::text).toList()))
                .contains("Account 0 ", "Account 199 ");
    }

    @Test
    void moreThanFiftyBlocksEndWithANoteInsteadOfARejectedMessage() {
        BotReply.Builder builder = BotReply.builder();
        for (int i = 0; i < 80; i++) {
            builder.paragraph("p" + i);
        }

        List<LayoutBlock> blocks = SlackRenderer.render(builder.build());

        assertThat(blocks).hasSize(50);
        assertThat(text(blocks.get(48))).isEqualTo("p48");
        String note =
                ((MarkdownTextObject) ((ContextBlock) blocks.get(49)).getElements().get(0))
                        .getText();
        assertThat(note).contains("31 more blocks not shown");
    }

    private static String text(LayoutBlock block) {
        return ((SectionBlock) block).getText().getText();
    }
}
