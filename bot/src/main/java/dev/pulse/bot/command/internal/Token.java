package dev.pulse.bot.command.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One word of a chat message. {@code text} is as typed (names keep their case and accents); {@code
 * key} is its lower-case, accent-free form that keywords are compared with. A separator is a colon,
 * comma, semicolon or lone dash between words; a quoted phrase is one token.
 */
public record Token(String text, String key, Kind kind) {

    /** What kind of token. */
    public enum Kind {
        WORD,
        QUOTED,
        SEPARATOR
    }

    /** Whether this is a plain word whose key is one of {@code keys}. */
    public boolean is(String... keys) {
        if (kind != Kind.WORD) {
            return false;
        }
        for (String k : keys) {
            if (key.equals(k)) {
                return true;
            }
        }
        return false;
    }

    public boolean isSeparator() {
        return kind == Kind.SEPARATOR;
    }

    /** The tokens' text joined by single spaces, separators dropped: a name or a title. */
    public static String text(List<Token> tokens) {
        return tokens.stream()
                .filter(t -> !t.isSeparator())
                .map(Token::text)
                .collect(Collectors.joining(" "));
    }

    /** The tokens' keys joined by single spaces, separators kept: input for date parsing. */
    public static String keys(List<Token> tokens) {
        return tokens.stream().map(Token::key).collect(Collectors.joining(" "));
    }
}
