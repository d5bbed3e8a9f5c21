package dev.pulse.bot.reply;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a {@link BotReply}. Text is plain (no platform markup): renderers escape it for their
 * platform and may add emphasis where the block's kind calls for it.
 */
public sealed interface Block {
    /** A title. */
    record Header(String text) implements Block {
        public Header {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A paragraph of plain text; line breaks are kept. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Label-value pairs, shown side by side where the platform can. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** One label-value pair. */
    record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A compact table (the portfolio: account, score, band, trend, reason). Every row has one cell
     * per column.
     */
    record Table(List<String> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            "row "
                                    + row
                                    + " has "
                                    + row.size()
                                    + " cells for "
                                    + columns.size()
                                    + " columns");
                }
            }
        }
    }

    /** Buttons. */
    record Actions(List<Button> buttons) implements Block {
        public Actions {
            buttons = List.copyOf(buttons);
        }
    }

    /** Small print under the answer (as-of time, hints). */
    record Context(String text) implements Block {
        public Context {
            Objects.requireNonNull(text, "text");
        }
    }
}
