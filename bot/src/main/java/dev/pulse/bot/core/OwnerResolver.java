package dev.pulse.bot.core;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.UserDirectory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the person a command names ("Sarah", "sarah.chen@demo.pulse.dev", "Sarah Chen"): by e-mail,
 * by full name, or by a first name only one person has.
 */
final class OwnerResolver {
    private final UserDirectory directory;

    OwnerResolver(UserDirectory directory) {
        this.directory = directory;
    }

    /** Exactly one person, or the candidates when the reference fits several or none. */
    sealed interface Found {
        record One(DirectoryUser user) implements Found {}

        record Several(List<DirectoryUser> candidates) implements Found {}

        record None() implements Found {}
    }

    Found find(String reference) {
        String wanted = reference.strip().toLowerCase(Locale.ROOT);
        Optional<DirectoryUser> byEmail = directory.find(wanted);
        if (byEmail.isPresent()) {
            return new Found.One(byEmail.get());
        }
        List<DirectoryUser> byName =
                directory.users().stream()
                        .filter(u -> u.name() != null && u.name().equalsIgnoreCase(wanted))
                        .toList();
        if (byName.size() == 1) {
            return new Found.One(byName.get(0));
        }
        List<DirectoryUser> byFirstName =
                directory.users().stream()
                        .filter(u -> firstName(u).equals(wanted) || localPart(u).equals(wanted))
                        .toList();
        if (byFirstName.size() == 1) {
            return new Found.One(byFirstName.get(0));
        }
        return byFirstName.isEmpty() ? new Found.None() : new Found.Several(byFirstName);
    }

    /** The person and everyone reporting to them, however many levels down. */
    java.util.Set<String> teamOf(String email) {
        return directory.teamOf(email);
    }

    private static String firstName(DirectoryUser u) {
        String name = u.name() == null ? "" : u.name().strip();
        int space = name.indexOf(' ');
        return (space < 0 ? name : name.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static String localPart(DirectoryUser u) {
        String local = u.email().substring(0, u.email().indexOf('@'));
        int dot = local.indexOf('.');
        return dot < 0 ? local : local.substring(0, dot);
    }
}
