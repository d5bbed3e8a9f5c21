package dev.pulse.bot.command;

import java.util.Locale;
import java.util.Optional;

/**
 * Which alerts a listing shows. Acknowledged and snoozed are attributes of firing alerts in the
 * alert model, but people ask for them as if they were states, so the filter offers them.
 */
public enum AlertFilter {
    FIRING,
    PENDING,
    ACKNOWLEDGED,
    SNOOZED,
    RESOLVED;

    /** The word people use for it in a command. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The filter a (normalised, lower-case) word names, synonyms included. */
    public static Optional<AlertFilter> fromWord(String key) {
        return Optional.ofNullable(
                switch (key) {
                    case "firing", "active", "open", "fired" -> FIRING;
                    case "pending" -> PENDING;
                    case "acknowledged", "acked", "ack'd", "ackd" -> ACKNOWLEDGED;
                    case "snoozed", "muted" -> SNOOZED;
                    case "resolved", "closed" -> RESOLVED;
                    default -> null;
                });
    }
}
