package dev.pulse.bot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.Button;
import dev.pulse.bot.reply.ButtonAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link BotReply} as an Adaptive Card (schema 1.5), and wraps cards in the message
 * activity that outgoing-webhook replies and incoming webhooks / Workflows accept.
 *
 * <p>Header → large bold TextBlock; paragraph → wrapping TextBlock; fields → FactSet; table → a
 * {@code Table} element; context → small subtle TextBlock; link buttons → {@code Action.OpenUrl};
 * action buttons → {@code Action.Submit} with {@code data: {action, value}}. Teams only delivers
 * {@code Action.Submit} to a Bot Framework bot: cards sent through plain webhooks cannot act on a
 * press, so with {@code submitActions} off the renderer writes the command to type instead ("ack
 * acme/gone-silent"), which the outgoing webhook understands.
 *
 * <p>Text is not escaped (Adaptive Cards show it as written, with light markdown), but control
 * characters other than line breaks and tabs are removed.
 */
public final class AdaptiveCardRenderer {
    /** The content type of an Adaptive Card attachment. */
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    static final String VERSION = "1.5";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final boolean submitActions;

    /**
     * @param submitActions render action buttons as {@code Action.Submit} (only useful when a Bot
     *     Framework bot receives them); otherwise as a hint with the command to type
     */
    public AdaptiveCardRenderer(boolean submitActions) {
        this.submitActions = submitActions;
    }

    /** One card for one reply. */
    public ObjectNode card(BotReply reply) {
        return card(List.of(reply));
    }

    /** One card for several replies (a digest), separated by lines. */
    public ObjectNode card(List<BotReply> replies) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", VERSION);
        ArrayNode body = card.putArray("body");
        for (BotReply reply : replies) {
            int first = body.size();
            if (reply.blocks().isEmpty()) {
                body.add(textBlock(reply.text()));
            }
            for (Block block : reply.blocks()) {
                render(block, body);
            }
            if (first > 0 && body.size() > first) {
                ((ObjectNode) body.get(first)).put("separator", true);
                ((ObjectNode) body.get(first)).put("spacing", "Large");
            }
        }
        ObjectNode msteams = card.putObject("msteams");
        msteams.put("width", "Full");
        return card;
    }

    /** The message activity carrying {@code card}: {@code {type: message, attachments: [...]}}. */
    public ObjectNode message(ObjectNode card) {
        ObjectNode message = JSON.objectNode();
        message.put("type", "message");
        ArrayNode attachments = message.putArray("attachments");
        ObjectNode attachment = attachments.addObject();
        attachment.put("contentType", CONTENT_TYPE);
        attachment.putNull("contentUrl");
        attachment.set("content", card);
        return message;
    }

    /** A message activity with plain text only. */
    public static ObjectNode textMessage(String text) {
        ObjectNode message = JSON.objectNode();
        message.put("type", "message");
        message.put("text", clean(text));
        return message;
    }

    private void render(Block block, ArrayNode body) {
        if (block instanceof Block.Header header) {
            ObjectNode text = textBlock(header.text());
            text.put("size", "Large");
            text.put("weight", "Bolder");
            body.add(text);
        } else if (block instanceof Block.Paragraph paragraph) {
            body.add(textBlock(paragraph.text()));
        } else if (block instanceof Block.Fields fields) {
            ObjectNode set = body.addObject();
            set.put("type", "FactSet");
            ArrayNode facts = set.putArray("facts");
            for (Block.Field field : fields.fields()) {
                ObjectNode fact = facts.addObject();
                fact.put("title", clean(field.label()));
                fact.put("value", clean(field.value()));
            }
        } else if (block instanceof Block.Table table) {
            body.add(table(table));
        } else if (block instanceof Block.Actions actions) {
            actions(actions.buttons(), body);
        } else if (block instanceof Block.Context context) {
            ObjectNode text = textBlock(context.text());
            text.put("isSubtle", true);
            text.put("size", "Small");
            body.add(text);
        }
    }

    private static ObjectNode table(Block.Table table) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "Table");
        node.put("firstRowAsHeaders", true);
        node.put("showGridLines", false);
        ArrayNode columns = node.putArray("columns");
        for (int i = 0; i < table.columns().size(); i++) {
            columns.addObject().put("width", 1);
        }
        ArrayNode rows = node.putArray("rows");
        rows.add(row(table.columns(), true));
        for (List<String> cells : table.rows()) {
            rows.add(row(cells, false));
        }
        return node;
    }

    private static ObjectNode row(List<String> cells, boolean header) {
        ObjectNode row = JSON.objectNode();
        row.put("type", "TableRow");
        ArrayNode out = row.putArray("cells");
        for (String cell : cells) {
            ObjectNode c = out.addObject();
            c.put("type", "TableCell");
            ObjectNode text = textBlock(cell);
            if (header) {
                text.put("weight", "Bolder");
            }
            c.putArray("items").add(text);
        }
        return row;
    }

    private void actions(List<Button> buttons, ArrayNode body) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        List<String> typed = new ArrayList<>();
        for (Button button : buttons) {
            if (button.url() != null) {
                ObjectNode open = actions.addObject();
                open.put("type", "Action.OpenUrl");
                open.put("title", clean(button.label()));
                open.put("url", button.url());
            } else if (submitActions) {
                ObjectNode submit = actions.addObject();
                submit.put("type", "Action.Submit");
                submit.put("title", clean(button.label()));
                if (button.style() == Button.Style.PRIMARY) {
                    submit.put("style", "positive");
                } else if (button.style() == Button.Style.DANGER) {
                    submit.put("style", "destructive");
                }
                ObjectNode data = submit.putObject("data");
                data.put("action", button.action().id());
                data.put("value", button.value());
            } else {
                typed.add(command(button.action(), button.value()));
            }
        }
        if (!typed.isEmpty()) {
            ObjectNode hint = textBlock("To act, mention Pulse with: " + String.join(" · ", typed));
            hint.put("isSubtle", true);
            hint.put("size", "Small");
            body.add(hint);
        }
        if (!actions.isEmpty()) {
            body.add(set);
        }
    }

    /** What to type to the outgoing webhook for the same effect as pressing the button. */
    static String command(ButtonAction action, String value) {
        return switch (action) {
            case ACK_ALERT -> "ack " + value;
            case SNOOZE_ALERT_1D -> "snooze " + value + " 1d";
            case SNOOZE_ALERT_7D -> "snooze " + value + " 7d";
            case RESOLVE_ALERT -> "resolve " + value;
            case FOLLOW_UP_ALERT -> "follow-up <account>: <title>";
        };
    }

    private static ObjectNode textBlock(String text) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "TextBlock");
        node.put("text", clean(text));
        node.put("wrap", true);
        return node;
    }

    /** Removes control characters except line breaks and tabs. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
