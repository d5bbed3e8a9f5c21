package dev.pulse.bot.command;

import java.util.Objects;

/** What a report covers. */
public sealed interface ReportTarget {

    /** One account's business review, by name as typed. */
    record Account(String accountName) implements ReportTarget {
        public Account {
            Objects.requireNonNull(accountName, "accountName");
        }
    }

    /** A portfolio: the asker's, a named owner's or a team's. */
    record Portfolio(OwnerScope scope) implements ReportTarget {
        public Portfolio {
            Objects.requireNonNull(scope, "scope");
        }
    }
}
