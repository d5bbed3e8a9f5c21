package dev.pulse.bot.command.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a chat message into tokens and drops what is not part of a command: control and invisible
 * characters, a leading bot mention ({@code @pulse}, {@code pulse,}, a platform's raw {@code
 * <@U123>}), politeness and lead-ins ("please", "can you", "show me"), trailing thanks and
 * punctuation. Lead-ins are only stripped at the start and thanks only at the end, so the same
 * words inside a name or a follow-up title stay.
 */
public final class InputNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String OPEN_QUOTES = "\"“„«";
    private static final String CLOSE_QUOTES = "\"”“»";
    private static final String LEADING_TRIM = "([{<'‘`*_~";
    private static final String TRAILING_TRIM = ")]}>'’`*_~.!?…";
    private static final String SEPARATOR_CHARS = ":,;";

    /** Lead-ins, longest first, as key sequences; stripped repeatedly from the start. */
    private static final List<List<String>> LEAD_INS =
            words(
                    "can you please",
                    "could you please",
                    "would you please",
                    "can you",
                    "could you",
                    "would you",
                    "will you",
                    "i want to",
                    "i'd like to",
                    "i would like to",
                    "i want",
                    "i'd like",
                    "i need",
                    "let me see",
                    "show me",
                    "give me",
                    "get me",
                    "tell me",
                    "what are",
                    "what is",
                    "what's",
                    "whats",
                    "hey",
                    "hi",
                    "hello",
                    "ok",
                    "okay",
                    "please",
                    "pls",
                    "plz",
                    "kindly",
                    "show",
                    "get",
                    "list",
                    "display",
                    "the",
                    "my");

    /** Words people close with, stripped repeatedly from the end. */
    private static final List<List<String>> CLOSINGS =
            words("thank you", "thanks", "thx", "ty", "please", "pls", "plz", "now");

    private InputNormalizer() {}

    /** Removes control, format and unpaired surrogate characters and applies NFKC. */
    public static String sanitize(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints()
                .forEach(
                        cp -> {
                            int type = Character.getType(cp);
                            boolean invisible =
                                    type == Character.CONTROL
                                            || type == Character.FORMAT
                                            || type == Character.SURROGATE
                                            || type == Character.PRIVATE_USE
                                            || type == Character.UNASSIGNED;
                            out.appendCodePoint(invisible ? ' ' : cp);
                        });
        return Normalizer.normalize(out, Normalizer.Form.NFKC).strip();
    }

    /** The lower-case, accent-free form of a word or phrase. */
    public static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace('’', '\'')
                .replace('‘', '\'')
                .toLowerCase(Locale.ROOT);
    }

    /** The command tokens of a sanitised message: mention, lead-ins and closings removed. */
    public static List<Token> tokens(String sanitized) {
        List<Token> tokens = tokenize(sanitized);
        int start = 0;
        int end = tokens.size();
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            if (tokens.get(start).isSeparator()) {
                start++;
                changed = true;
            } else if (isMention(tokens.get(start))) {
                start++;
                changed = true;
            } else {
                int n = matchAt(tokens, start, end, LEAD_INS);
                if (n > 0) {
                    start += n;
                    changed = true;
                }
            }
        }
        changed = true;
        while (changed && start < end) {
            changed = false;
            if (tokens.get(end - 1).isSeparator()) {
                end--;
                changed = true;
            } else {
                int n = matchBefore(tokens, start, end, CLOSINGS);
                if (n > 0) {
                    end -= n;
                    changed = true;
                }
            }
        }
        return List.copyOf(tokens.subList(start, end));
    }

    private static boolean isMention(Token token) {
        return token.kind() == Token.Kind.WORD
                && (token.key().equals("pulse")
                        || token.key().equals("@pulse")
                        || token.key().startsWith("@"));
    }

    /** Splits into words, quoted phrases and separators. */
    static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (OPEN_QUOTES.indexOf(c) >= 0) {
                int close = indexOfAny(s, CLOSE_QUOTES, i + 1);
                if (close > i + 1) {
                    String phrase = s.substring(i + 1, close).strip().replaceAll("\\s+", " ");
                    if (!phrase.isEmpty()) {
                        tokens.add(new Token(phrase, key(phrase), Token.Kind.QUOTED));
                    }
                    i = close + 1;
                    continue;
                }
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            addWord(tokens, s.substring(i, j));
            i = j;
        }
        return tokens;
    }

    private static void addWord(List<Token> tokens, String word) {
        if (word.equals("-") || word.equals("–") || word.equals("—")) {
            tokens.add(new Token(word, word, Token.Kind.SEPARATOR));
            return;
        }
        int from = 0;
        int to = word.length();
        while (from < to && LEADING_TRIM.indexOf(word.charAt(from)) >= 0) {
            from++;
        }
        String separator = null;
        while (from < to) {
            char last = word.charAt(to - 1);
            if (SEPARATOR_CHARS.indexOf(last) >= 0) {
                separator = separator == null ? String.valueOf(last) : separator;
                to--;
            } else if (TRAILING_TRIM.indexOf(last) >= 0 || OPEN_QUOTES.indexOf(last) >= 0) {
                to--;
            } else {
                break;
            }
        }
        if (from < to && !isDecoration(word.substring(from, to))) {
            String text = word.substring(from, to);
            tokens.add(new Token(text, key(text), Token.Kind.WORD));
        }
        if (separator != null) {
            tokens.add(new Token(separator, separator, Token.Kind.SEPARATOR));
        }
    }

    /** Emoji and other symbols standing alone: decoration, not words. */
    private static boolean isDecoration(String word) {
        return word.codePoints()
                .allMatch(
                        cp -> {
                            int type = Character.getType(cp);
                            return type == Character.OTHER_SYMBOL
                                    || type == Character.MODIFIER_SYMBOL
                                    || type == Character.NON_SPACING_MARK
                                    || type == Character.ENCLOSING_MARK;
                        });
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int matchAt(List<Token> tokens, int start, int end, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (start + phrase.size() <= end && matches(tokens, start, phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static int matchBefore(
            List<Token> tokens, int start, int end, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            int from = end - phrase.size();
            if (from >= start && matches(tokens, from, phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static boolean matches(List<Token> tokens, int from, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!tokens.get(from + k).is(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> words(String... phrases) {
        List<List<String>> out = new ArrayList<>();
        for (String phrase : phrases) {
            out.add(List.of(phrase.split(" ")));
        }
        return List.copyOf(out);
    }
}
