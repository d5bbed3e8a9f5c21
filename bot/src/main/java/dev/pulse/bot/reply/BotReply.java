package dev.pulse.bot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An answer of the bot, the same for every platform: a plain-text fallback (notifications, screen
 * readers, platforms without rich layout) and blocks that each platform renders its own way (Slack
 * Block Kit, Teams Adaptive Cards, Discord embeds).
 *
 * @param text the whole answer as plain text; never empty
 * @param blocks the rich layout; may be empty
 * @param visibleToAll whether everyone in the conversation may see it (false: only the asker, where
 *     the platform can do that)
 * @param file a file that comes with the answer (a report), uploaded the platform's way; null for
 *     none
 */
public record BotReply(String text, List<Block> blocks, boolean visibleToAll, ReplyFile file) {
    public BotReply {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }

    public BotReply(String text, List<Block> blocks, boolean visibleToAll) {
        this(text, blocks, visibleToAll, null);
    }

    /** This reply with {@code attached} to upload into the conversation. */
    public BotReply withFile(ReplyFile attached) {
        return new BotReply(text, blocks, visibleToAll, attached);
    }

    /** A reply of one paragraph, only for the asker. */
    public static BotReply plain(String text) {
        return new BotReply(text, List.of(new Block.Paragraph(text)), false);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The buttons of every actions block, in order. */
    public List<Button> buttons() {
        List<Button> all = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Actions actions) {
                all.addAll(actions.buttons());
            }
        }
        return all;
    }

    /** Assembles a reply block by block, collecting the plain-text fallback as it goes. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean visibleToAll;

        public Builder header(String title) {
            blocks.add(new Block.Header(title));
            line(title);
            return this;
        }

        public Builder paragraph(String body) {
            blocks.add(new Block.Paragraph(body));
            line(body);
            return this;
        }

        public Builder fields(List<Block.Field> fields) {
            blocks.add(new Block.Fields(fields));
            fields.forEach(f -> line(f.label() + ": " + f.value()));
            return this;
        }

        public Builder table(Block.Table table) {
            blocks.add(table);
            line(String.join(" | ", table.columns()));
            table.rows().forEach(row -> line(String.join(" | ", row)));
            return this;
        }

        public Builder actions(List<Button> buttons) {
            if (!buttons.isEmpty()) {
                blocks.add(new Block.Actions(buttons));
            }
            return this;
        }

        public Builder context(String note) {
            blocks.add(new Block.Context(note));
            line(note);
            return this;
        }

        public Builder visibleToAll() {
            this.visibleToAll = true;
            return this;
        }

        public BotReply build() {
            return new BotReply(text.toString().strip(), blocks, visibleToAll);
        }

        private void line(String s) {
            text.append(s).append('\n');
        }
    }
}
