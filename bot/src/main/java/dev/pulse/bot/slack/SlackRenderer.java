package dev.pulse.bot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link BotReply} as Slack Block Kit with the Slack SDK's model classes. Text is escaped
 * as Slack asks ({@code & < >}); Slack's limits (50 blocks a message, 3000 characters a section, 10
 * fields a section, 150 characters a header) are kept by splitting or truncating with a visible
 * note, never by a rejected message.
 *
 * <p>Slack's SDK of this version has no table block, so a table is a monospace code block with
 * aligned columns; a column named {@code trend} shows arrows (▲ up, ▼ down, ▶ flat).
 */
public final class SlackRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD_TEXT = 2000;
    static final int MAX_HEADER = 150;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_ACTIONS = 25;
    static final int MAX_CELL = 40;

    /** The action id of link buttons: Slack sends an interaction for those too, which is acked. */
    static final String LINK_ACTION_PREFIX = "pulse.link.";

    private SlackRenderer() {}

    /** The blocks of a message (or a home view) showing {@code reply}. */
    public static List<LayoutBlock> render(BotReply reply) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Header h) {
                out.add(header(h.text()));
            } else if (block instanceof Block.Paragraph p) {
                out.addAll(sections(escape(p.text())));
            } else if (block instanceof Block.Fields f) {
                out.addAll(fields(f.fields()));
            } else if (block instanceof Block.Table t) {
                out.addAll(table(t));
            } else if (block instanceof Block.Actions a) {
                out.addAll(actions(a.buttons()));
            } else if (block instanceof Block.Context c) {
                out.add(context(escape(c.text())));
            }
        }
        if (out.size() > MAX_BLOCKS) {
            int hidden = out.size() - (MAX_BLOCKS - 1);
            out = new ArrayList<>(out.subList(0, MAX_BLOCKS - 1));
            out.add(
                    context(
                            "… "
                                    + hidden
                                    + " more blocks not shown (Slack shows at most "
                                    + MAX_BLOCKS
                                    + "). Ask a narrower question to see the rest."));
        }
        return out;
    }

    /** The plain-text fallback of the message (notifications, screen readers). */
    public static String fallbackText(BotReply reply) {
        return truncate(reply.text().isBlank() ? "Pulse" : reply.text(), 4000);
    }

    /** Escapes the three characters Slack's message formatting reserves. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static HeaderBlock header(String text) {
        return HeaderBlock.builder().text(plain(truncate(text, MAX_HEADER))).build();
    }

    static ContextBlock context(String mrkdwn) {
        return ContextBlock.builder()
                .elements(List.of(markdown(truncate(mrkdwn, MAX_SECTION_TEXT))))
                .build();
    }

    /** One section, or several when the text is longer than a section may be. */
    private static List<LayoutBlock> sections(String mrkdwn) {
        List<LayoutBlock> out = new ArrayList<>();
        String rest = mrkdwn;
        while (rest.length() > MAX_SECTION_TEXT) {
            int cut = rest.lastIndexOf('\n', MAX_SECTION_TEXT);
            if (cut <= 0) {
                cut = MAX_SECTION_TEXT;
            }
            out.add(section(rest.substring(0, cut)));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            out.add(section(rest));
        }
        return out;
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(markdown(mrkdwn)).build();
    }

    private static List<LayoutBlock> fields(List<Block.Field> fields) {
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += MAX_FIELDS) {
            List<TextObject> texts = new ArrayList<>();
            for (Block.Field f : fields.subList(i, Math.min(fields.size(), i + MAX_FIELDS))) {
                texts.add(
                        markdown(
                                truncate(
                                        "*" + escape(f.label()) + "*\n" + escape(f.value()),
                                        MAX_FIELD_TEXT)));
            }
            out.add(SectionBlock.builder().fields(texts).build());
        }
        return out;
    }

    /** A code block per up to 3000 characters, the header row repeated in each. */
    private static List<LayoutBlock> table(Block.Table table) {
        int trend = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).equalsIgnoreCase("trend")) {
                trend = c;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String cell = c == trend ? arrow(row.get(c)) : row.get(c);
                cells.add(truncate(cell.replace('\n', ' ').replace("```", "'''"), MAX_CELL));
            }
            rows.add(cells);
        }
        int[] widths = new int[table.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(table.columns().get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        String head = line(table.columns(), widths);
        List<LayoutBlock> out = new ArrayList<>();
        StringBuilder text = new StringBuilder(head);
        int inBlock = 0;
        for (List<String> row : rows) {
            String line = line(row, widths);
            if (inBlock > 0 && text.length() + line.length() + 8 > MAX_SECTION_TEXT) {
                out.add(section("```\n" + text + "```"));
                text = new StringBuilder(head);
                inBlock = 0;
            }
            text.append(line);
            inBlock++;
        }
        out.add(section("```\n" + text + "```"));
        return out;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(escape(cell));
            if (c < cells.size() - 1) {
                line.append(" ".repeat(widths[c] - width(cell) + 2));
            }
        }
        return line.toString().stripTrailing() + "\n";
    }

    static String arrow(String trend) {
        String t = trend.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "up", "rising", "improving", "↑", "+" -> "▲";
            case "down", "falling", "declining", "worsening", "↓", "-" -> "▼";
            case "flat", "stable", "steady", "→", "=" -> "▶";
            default -> trend;
        };
    }

    private static List<LayoutBlock> actions(List<Button> buttons) {
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += MAX_ACTIONS) {
            List<BlockElement> elements = new ArrayList<>();
            List<Button> chunk = buttons.subList(i, Math.min(buttons.size(), i + MAX_ACTIONS));
            for (int b = 0; b < chunk.size(); b++) {
                elements.add(button(chunk.get(b), b));
            }
            out.add(ActionsBlock.builder().elements(elements).build());
        }
        return out;
    }

    private static ButtonElement button(Button button, int index) {
        ButtonElement.ButtonElementBuilder element =
                ButtonElement.builder().text(plain(truncate(button.label(), MAX_BUTTON_TEXT)));
        if (button.action() != null) {
            element.actionId(button.action().id()).value(button.value());
        } else {
            // action ids must be unique within a block; link buttons get one each
            element.actionId(LINK_ACTION_PREFIX + index).url(button.url());
        }
        switch (button.style()) {
            case PRIMARY -> element.style("primary");
            case DANGER -> element.style("danger");
            case DEFAULT -> {}
        }
        return element.build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
