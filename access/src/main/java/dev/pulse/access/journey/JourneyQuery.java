package dev.pulse.access.journey;

import dev.pulse.topologies.account.Account;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which accounts and which days a journey aggregate covers.
 *
 * @param from the first day of the period
 * @param to the last day of the period (included)
 * @param cohort only accounts whose first event fell in this month; null for all
 * @param segment the name of the saved segment {@code accounts} stands for, echoed in the report;
 *     null when the accounts are not filtered by a segment
 * @param accounts only the accounts this accepts (within the caller's scope, which applies anyway)
 */
public record JourneyQuery(
        LocalDate from,
        LocalDate to,
        YearMonth cohort,
        String segment,
        Predicate<Account> accounts) {
    /** The default period: the last 90 days, today included. */
    public static final int DEFAULT_DAYS = 90;

    public JourneyQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(accounts, "accounts");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
    }

    /** Every account in scope over {@code [from, to]}, no cohort. */
    public static JourneyQuery between(LocalDate from, LocalDate to) {
        return new JourneyQuery(from, to, null, null, account -> true);
    }

    public JourneyQuery withCohort(YearMonth month) {
        return new JourneyQuery(from, to, month, segment, accounts);
    }

    /** Only the accounts of a saved segment, named {@code name} in the report. */
    public JourneyQuery withSegment(String name, Predicate<Account> members) {
        return new JourneyQuery(from, to, cohort, name, members);
    }
}
