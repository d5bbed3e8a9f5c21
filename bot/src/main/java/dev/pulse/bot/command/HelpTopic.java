package dev.pulse.bot.command;

import java.util.Optional;

/** A part of the command language that {@code help <topic>} explains on its own. */
public enum HelpTopic {
    AT_RISK("at-risk"),
    STATUS("status"),
    PORTFOLIO("portfolio"),
    SUMMARY("summary"),
    ALERTS("alerts"),
    FOLLOW_UP("follow-up"),
    REPORT("report"),
    SEGMENT("segment"),
    FUNNEL("funnel");

    private final String word;

    HelpTopic(String word) {
        this.word = word;
    }

    /** The command word the topic is named after. */
    public String word() {
        return word;
    }

    /** The topic a (normalised, lower-case) word asks about, command synonyms included. */
    public static Optional<HelpTopic> fromWord(String key) {
        return Optional.ofNullable(
                switch (key) {
                    case "at-risk", "atrisk", "risk", "at" -> AT_RISK;
                    case "status", "account", "accounts", "how" -> STATUS;
                    case "portfolio" -> PORTFOLIO;
                    case "summary", "summaries", "dates", "date", "ranges" -> SUMMARY;
                    case "alerts", "alert", "ack", "acknowledge", "snooze", "resolve" -> ALERTS;
                    case "follow-up", "follow-ups", "followup", "follow", "followups" -> FOLLOW_UP;
                    case "report", "reports", "export" -> REPORT;
                    case "segment", "segments", "save" -> SEGMENT;
                    case "funnel", "funnels", "stall", "adoption", "where" -> FUNNEL;
                    default -> null;
                });
    }
}
