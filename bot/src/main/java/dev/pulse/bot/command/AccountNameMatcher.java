package dev.pulse.bot.command;

import dev.pulse.bot.command.internal.InputNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds the account a typed name means, the way a person would: ignoring case, accents, punctuation
 * and legal suffixes (Inc, Ltd, GmbH, Corp, …), accepting a leading part of the name ("acme" for
 * "Acme Labs") and small typos ("Jasper Helth"). Similarity is Jaro-Winkler over the whole name
 * and, token by token, over its words; a name is taken only when it is clearly ahead of the next
 * one, otherwise the answer is {@link NameMatch.Ambiguous}.
 *
 * <p>Built once over the candidates a person may see, so normalising is not repeated per query.
 */
public final class AccountNameMatcher {

    /** Below this similarity a name is not a match. */
    static final double MATCH_THRESHOLD = 0.88;

    /** A match must lead the next candidate by this much to be taken alone. */
    static final double CLEAR_LEAD = 0.04;

    /** Below this similarity a name is not even suggested. */
    static final double SUGGEST_THRESHOLD = 0.70;

    private static final int MAX_CANDIDATES = 5;
    private static final int MAX_SUGGESTIONS = 3;

    private static final Set<String> LEGAL_SUFFIXES =
            Set.of(
                    "inc",
                    "incorporated",
                    "ltd",
                    "limited",
                    "llc",
                    "llp",
                    "gmbh",
                    "ag",
                    "corp",
                    "corporation",
                    "co",
                    "company",
                    "plc",
                    "sa",
                    "sas",
                    "sarl",
                    "srl",
                    "spa",
                    "bv",
                    "nv",
                    "oy",
                    "ab",
                    "as",
                    "aps",
                    "kg",
                    "pty",
                    "pte",
                    "lp",
                    "kk");

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final List<Entry> entries;

    private record Entry(AccountCandidate candidate, String normalized, List<String> words) {}

    private record Scored(AccountCandidate candidate, double score) {}

    public AccountNameMatcher(List<AccountCandidate> candidates) {
        this.entries =
                candidates.stream()
                        .map(c -> new Entry(c, normalize(c.name()), words(normalize(c.name()))))
                        .toList();
    }

    /** The account {@code typed} means, if it is clear which. */
    public NameMatch match(String typed) {
        String query = normalize(typed == null ? "" : typed);
        if (query.isEmpty()) {
            return new NameMatch.NotFound(List.of());
        }
        List<AccountCandidate> same =
                entries.stream()
                        .filter(e -> e.normalized().equals(query))
                        .map(Entry::candidate)
                        .toList();
        if (same.size() == 1) {
            return new NameMatch.Exact(same.get(0));
        }
        if (same.size() > 1) {
            return new NameMatch.Ambiguous(same.subList(0, Math.min(MAX_CANDIDATES, same.size())));
        }
        List<String> queryWords = words(query);
        List<Scored> ranked =
                entries.stream()
                        .map(e -> new Scored(e.candidate(), score(query, queryWords, e)))
                        .sorted(
                                Comparator.comparingDouble(Scored::score)
                                        .reversed()
                                        .thenComparing(s -> s.candidate().name()))
                        .toList();
        List<Scored> good = ranked.stream().filter(s -> s.score() >= MATCH_THRESHOLD).toList();
        if (good.isEmpty()) {
            return new NameMatch.NotFound(
                    ranked.stream()
                            .filter(s -> s.score() >= SUGGEST_THRESHOLD)
                            .limit(MAX_SUGGESTIONS)
                            .map(Scored::candidate)
                            .toList());
        }
        double best = good.get(0).score();
        List<Scored> close = good.stream().filter(s -> best - s.score() < CLEAR_LEAD).toList();
        if (close.size() == 1) {
            return new NameMatch.Exact(close.get(0).candidate());
        }
        return new NameMatch.Ambiguous(
                close.stream().limit(MAX_CANDIDATES).map(Scored::candidate).toList());
    }

    /**
     * The best of: whole-name Jaro-Winkler; the typed words as a prefix of the name's words ("acme"
     * in "Acme Labs"), scored a little under an equal name; and word-by-word similarity, each typed
     * word against its best word of the name, averaged.
     */
    private static double score(String query, List<String> queryWords, Entry entry) {
        double whole = JARO_WINKLER.apply(query, entry.normalized());
        double prefix = isWordPrefix(queryWords, entry.words()) ? 0.95 : 0.0;
        double wordwise = 0.0;
        if (!entry.words().isEmpty()) {
            double sum = 0.0;
            for (String q : queryWords) {
                double bestWord = 0.0;
                for (String w : entry.words()) {
                    bestWord = Math.max(bestWord, JARO_WINKLER.apply(q, w));
                }
                sum += bestWord;
            }
            // Words of the name that were not typed count a little against it.
            double coverage = Math.min(1.0, (double) queryWords.size() / entry.words().size());
            wordwise = sum / queryWords.size() * (0.9 + 0.1 * coverage);
        }
        return Math.max(whole, Math.max(prefix, wordwise));
    }

    private static boolean isWordPrefix(List<String> typed, List<String> name) {
        if (typed.isEmpty() || typed.size() > name.size()) {
            return false;
        }
        for (int i = 0; i < typed.size(); i++) {
            boolean last = i == typed.size() - 1;
            if (!(typed.get(i).equals(name.get(i))
                    || (last
                            && typed.get(i).length() >= 3
                            && name.get(i).startsWith(typed.get(i))))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, no accents, words of letters and digits, legal suffixes dropped. */
    static String normalize(String name) {
        String key = InputNormalizer.key(InputNormalizer.sanitize(name));
        List<String> words =
                new ArrayList<>(
                        Arrays.asList(
                                key.replace("&", " and ")
                                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                                        .strip()
                                        .split(" ")));
        words.removeIf(String::isEmpty);
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words.stream().collect(Collectors.joining(" "));
    }

    private static List<String> words(String normalized) {
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }
}
