package dev.pulse.bot.command;

import java.util.Objects;

/**
 * Whose accounts a command is about. References are kept as typed (a name or an e-mail); resolving
 * them to a person in the user directory happens later, where the directory is.
 */
public sealed interface OwnerScope {

    /** The person asking. */
    record Mine() implements OwnerScope {}

    /** The team of the person asking. */
    record MyTeam() implements OwnerScope {}

    /** One named account owner, as typed: "Sarah" or "sarah.chen@demo.pulse.dev". */
    record Owner(String reference) implements OwnerScope {
        public Owner {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** The team led by a named person, as typed. */
    record Team(String reference) implements OwnerScope {
        public Team {
            Objects.requireNonNull(reference, "reference");
        }
    }
}
