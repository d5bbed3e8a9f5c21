package dev.pulse.bot.reply;

import java.util.Objects;

/**
 * A button under a reply. Pressing an action button sends {@code action} and {@code value} back
 * through the platform to {@code BotEngine#press}; a link button opens {@code url} and sends
 * nothing.
 *
 * @param action what pressing does, or null for a link button
 * @param value the object acted on, e.g. the alert id {@code tenant/rule}
 * @param url for link buttons: where it leads
 */
public record Button(String label, ButtonAction action, String value, String url, Style style) {
    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(style, "style");
        if ((action == null) == (url == null)) {
            throw new IllegalArgumentException("a button has either an action or a url");
        }
    }

    public static Button action(String label, ButtonAction action, String value, Style style) {
        return new Button(label, action, value, null, style);
    }

    public static Button link(String label, String url) {
        return new Button(label, null, null, url, Style.DEFAULT);
    }

    /** How prominent the button is. */
    public enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }
}
