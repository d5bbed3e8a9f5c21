package dev.pulse.bot.discord;

import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a {@link BotReply} as a Discord message: one embed per reply (header → title, paragraphs
 * and tables → description, tables as a code block, fields → inline fields, context → footer) and
 * buttons in action rows. Action buttons carry the custom id {@code <action id>|<value>}, which
 * {@link DiscordInteractions#press} reads back.
 *
 * <p>Discord's limits are kept by cutting, never by failing: title 256, description 4096, 25
 * fields, 6000 characters per message, 10 embeds, 5 rows of 5 buttons, custom ids of 100. Whatever
 * was cut or left out is said in the footer.
 */
public final class DiscordRenderer {
    /** Separates the action id from the value in a button's custom id. */
    static final char ID_SEPARATOR = '|';

    static final int MAX_EMBEDS = 10;
    static final int MAX_ROWS = 5;
    static final int MAX_BUTTONS_PER_ROW = 5;
    static final int MAX_CONTENT = 2000;
    private static final int TOTAL_BUDGET = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    private static final String CUT = "…";

    /** A message for one reply. */
    public MessageCreateData render(BotReply reply) {
        return render(List.of(reply));
    }

    /** One message for several replies (a digest): an embed each, buttons after. */
    public MessageCreateData render(List<BotReply> replies) {
        MessageCreateBuilder message = new MessageCreateBuilder();
        List<MessageEmbed> embeds = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int budget = TOTAL_BUDGET;
        int shown = 0;
        StringBuilder plain = new StringBuilder();
        for (BotReply reply : replies) {
            collectButtons(reply, buttons, ids, notes);
            if (reply.blocks().isEmpty() || !hasEmbedContent(reply)) {
                plain.append(reply.text()).append('\n');
                shown++;
                continue;
            }
            if (embeds.size() == MAX_EMBEDS || budget < 200) {
                continue;
            }
            MessageEmbed embed = embed(reply, budget, notes);
            budget -= embed.getLength();
            embeds.add(embed);
            shown++;
        }
        if (shown < replies.size()) {
            notes.add((replies.size() - shown) + " more not shown (Discord's message limits)");
        }
        List<ActionRow> rows = rows(buttons, notes);
        if (!notes.isEmpty()) {
            if (embeds.isEmpty()) {
                plain.append("-# ").append(String.join(" · ", notes)).append('\n');
            } else {
                MessageEmbed last = embeds.remove(embeds.size() - 1);
                embeds.add(withNotes(last, notes, budget));
            }
        }
        String content = plain.toString().strip();
        if (!content.isEmpty()) {
            message.setContent(cut(MarkdownSanitizer.escape(content), MAX_CONTENT));
        }
        if (embeds.isEmpty() && content.isEmpty()) {
            message.setContent("(no answer)");
        }
        message.setEmbeds(embeds);
        message.setComponents(rows);
        // A report travels as an attachment: JDA sends the message as multipart/form-data with
        // payload_json and files[n], as Discord's API documents for uploads.
        for (BotReply reply : replies) {
            if (reply.file() != null) {
                message.addFiles(
                        FileUpload.fromData(reply.file().bytes(), reply.file().fileName()));
            }
        }
        return message.build();
    }

    private static boolean hasEmbedContent(BotReply reply) {
        return reply.blocks().stream().anyMatch(b -> !(b instanceof Block.Actions));
    }

    private static MessageEmbed embed(BotReply reply, int budget, List<String> notes) {
        EmbedBuilder embed = new EmbedBuilder();
        StringBuilder description = new StringBuilder();
        List<MessageEmbed.Field> fields = new ArrayList<>();
        List<String> footer = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Header header) {
                if (embed.isEmpty() && description.length() == 0) {
                    embed.setTitle(cut(header.text(), MessageEmbed.TITLE_MAX_LENGTH));
                } else {
                    paragraph(description, "**" + escape(header.text()) + "**");
                }
            } else if (block instanceof Block.Paragraph paragraph) {
                paragraph(description, escape(paragraph.text()));
            } else if (block instanceof Block.Table table) {
                paragraph(description, codeBlock(table));
            } else if (block instanceof Block.Fields f) {
                for (Block.Field field : f.fields()) {
                    fields.add(
                            new MessageEmbed.Field(
                                    cut(field.label(), MessageEmbed.TITLE_MAX_LENGTH),
                                    cut(escape(field.value()), MessageEmbed.VALUE_MAX_LENGTH),
                                    true));
                }
            } else if (block instanceof Block.Context context) {
                footer.add(context.text());
            }
        }
        boolean cut = false;
        if (fields.size() > MessageEmbed.MAX_FIELD_AMOUNT) {
            fields = new ArrayList<>(fields.subList(0, MessageEmbed.MAX_FIELD_AMOUNT));
            cut = true;
        }
        fields.forEach(embed::addField);
        if (!footer.isEmpty()) {
            embed.setFooter(cut(String.join(" · ", footer), MessageEmbed.TEXT_MAX_LENGTH / 2));
        }
        // What is left for the description once title, fields and footer are counted, keeping
        // room for a note about cuts.
        int room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, budget - embed.length() - 150);
        while (room < 0 && !fields.isEmpty()) {
            fields.remove(fields.size() - 1);
            embed.clearFields();
            fields.forEach(embed::addField);
            room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, budget - embed.length() - 150);
            cut = true;
        }
        if (description.length() > Math.max(room, 0)) {
            cut = true;
        }
        if (description.length() > 0 && room > 0) {
            embed.setDescription(cut(description.toString(), room));
        }
        if (cut) {
            notes.add("cut to fit Discord's limits; ask Pulse elsewhere for the whole answer");
        }
        if (embed.isEmpty()) {
            embed.setDescription(cut(escape(reply.text()), Math.max(room, 1)));
        }
        return embed.build();
    }

    private static MessageEmbed withNotes(MessageEmbed embed, List<String> notes, int budget) {
        EmbedBuilder builder = new EmbedBuilder(embed);
        String existing = embed.getFooter() == null ? "" : embed.getFooter().getText();
        String note = String.join(" · ", notes);
        String footer = existing == null || existing.isEmpty() ? note : existing + " · " + note;
        int room = Math.min(MessageEmbed.TEXT_MAX_LENGTH, budget + existing.length());
        builder.setFooter(cut(footer, Math.max(room, 1)));
        return builder.build();
    }

    private static void collectButtons(
            BotReply reply, List<Button> out, Set<String> ids, List<String> notes) {
        for (dev.pulse.bot.reply.Button b : reply.buttons()) {
            String label = cut(b.label(), Button.LABEL_MAX_LENGTH);
            if (b.url() != null) {
                if (!b.url().matches("(?i)https?://\\S+") || b.url().length() > 512) {
                    notes.add("the link '" + b.label() + "' is not a web address");
                    continue;
                }
                out.add(Button.link(b.url(), label));
                continue;
            }
            String id = customId(b.action().id(), b.value());
            if (id.length() > Button.ID_MAX_LENGTH) {
                notes.add(
                        "button '"
                                + b.label()
                                + "' left out (its id is too long for Discord); type it as a"
                                + " /pulse command instead");
                continue;
            }
            if (!ids.add(id)) {
                continue;
            }
            out.add(
                    switch (b.style()) {
                        case PRIMARY -> Button.primary(id, label);
                        case DANGER -> Button.danger(id, label);
                        case DEFAULT -> Button.secondary(id, label);
                    });
        }
    }

    private static List<ActionRow> rows(List<Button> buttons, List<String> notes) {
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += MAX_BUTTONS_PER_ROW) {
            if (rows.size() == MAX_ROWS) {
                notes.add(
                        (buttons.size() - i)
                                + " buttons left out (Discord shows at most 25); type them as"
                                + " /pulse commands instead");
                break;
            }
            rows.add(
                    ActionRow.of(
                            buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS_PER_ROW))));
        }
        return rows;
    }

    /** {@code <action id>|<value>}. */
    static String customId(String actionId, String value) {
        return value == null ? actionId : actionId + ID_SEPARATOR + value;
    }

    private static String codeBlock(Block.Table table) {
        int[] widths = new int[table.columns().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(table.columns());
        all.addAll(table.rows());
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.min(30, Math.max(widths[i], row.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder("```\n");
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = cut(row.get(i).replace("`", "'"), widths[i]);
                line.append(cell);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.append("```").toString();
    }

    private static void paragraph(StringBuilder description, String text) {
        if (description.length() > 0) {
            description.append("\n\n");
        }
        description.append(text);
    }

    private static String escape(String text) {
        return MarkdownSanitizer.escape(text);
    }

    /** At most {@code max} characters, ending in "…" when cut; closes a cut code block. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= CUT.length()) {
            return text.substring(0, max);
        }
        String kept = text.substring(0, max - CUT.length());
        int fences = kept.split("```", -1).length - 1;
        if (fences % 2 == 1 && max > 8) {
            kept = text.substring(0, max - CUT.length() - 4) + CUT + "\n```";
            return kept;
        }
        return kept + CUT;
    }
}
