package dev.pulse.bot.command;

import java.util.List;
import java.util.Objects;

/** What {@link AccountNameMatcher} made of a typed account name. */
public sealed interface NameMatch {

    /**
     * One account clearly meant: the same name up to case, accents and legal suffix, or one clear
     * fuzzy winner.
     */
    record Exact(AccountCandidate match) implements NameMatch {
        public Exact {
            Objects.requireNonNull(match, "match");
        }
    }

    /** Several accounts fit about equally well, best first: ask "did you mean …?". */
    record Ambiguous(List<AccountCandidate> candidates) implements NameMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** Nothing fits well enough; {@code suggestions} are the nearest names, best first. */
    record NotFound(List<AccountCandidate> suggestions) implements NameMatch {
        public NotFound {
            suggestions = List.copyOf(suggestions);
        }
    }
}
