package dev.pulse.bot.reply;

import java.util.Locale;
import java.util.Optional;

/**
 * What an action button does. {@link #id()} is what travels through the platform (Slack action_id,
 * Discord custom id, Teams Action.Submit data), so it must stay stable.
 */
public enum ButtonAction {
    ACK_ALERT("pulse.alert.ack"),
    SNOOZE_ALERT_1D("pulse.alert.snooze.1d"),
    SNOOZE_ALERT_7D("pulse.alert.snooze.7d"),
    RESOLVE_ALERT("pulse.alert.resolve"),
    FOLLOW_UP_ALERT("pulse.alert.follow-up");

    private final String id;

    ButtonAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ButtonAction> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        for (ButtonAction action : values()) {
            if (action.id.equals(wanted)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
