package dev.pulse.access.security;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** E-mail addresses compare case-insensitively everywhere in Pulse: one normal form, here. */
final class Emails {
    /** Owners are few; a flood of distinct addresses empties the memory rather than growing it. */
    private static final int OWNERS_REMEMBERED = 10_000;

    private static final Map<String, String> OWNER_NORMAL_FORMS = new ConcurrentHashMap<>();

    private Emails() {}

    /**
     * As {@link #normalize}, remembered: a read of the whole directory in an owner scope (summary,
     * segments, funnels, every alert) checks each account's owner, and normalizing a thousand
     * owners per request was a seventh of the portfolio's CPU before portfolios used the owner
     * index. The same owner strings come back on every request, so the lookup is a cached hash.
     */
    static String normalizeOwner(String email) {
        if (email == null) {
            return null;
        }
        String normal = OWNER_NORMAL_FORMS.get(email);
        if (normal == null) {
            normal = normalize(email);
            if (OWNER_NORMAL_FORMS.size() >= OWNERS_REMEMBERED) {
                OWNER_NORMAL_FORMS.clear();
            }
            OWNER_NORMAL_FORMS.put(email, normal);
        }
        return normal;
    }

    /** Lower case, trimmed; null stays null. */
    static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Good enough to catch typos in hand-written config; not an RFC 5322 validator. */
    static boolean looksValid(String email) {
        int at = email.indexOf('@');
        return at > 0
                && at == email.lastIndexOf('@')
                && at < email.length() - 1
                && email.chars().noneMatch(Character::isWhitespace);
    }
}
