package dev.pulse.access.security;

import java.util.Locale;

/** E-mail addresses compare case-insensitively everywhere in Pulse: one normal form, here. */
final class Emails {
    private Emails() {}

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
