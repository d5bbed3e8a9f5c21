package dev.pulse.topologies.journey;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What stage criteria judge on one closed day: the day's end-of-day score with its measures and
 * at-risk decision, how long the account has been active and silent, and its directory record.
 *
 * @param score the end-of-day score; null without one
 * @param daysSinceFirstEvent whole days from the first event to the end of the day; null unknown
 * @param daysSinceLastEvent whole days from the last active day to the closed day (0: active that
 *     day); null unknown
 */
public record JourneyFacts(
        Double score,
        Band band,
        boolean atRisk,
        Map<String, Contribution> contributions,
        Integer daysSinceFirstEvent,
        Integer daysSinceLastEvent,
        String plan,
        String segment,
        boolean churned) {

    public JourneyFacts {
        contributions = contributions == null ? Map.of() : Map.copyOf(contributions);
    }

    /** The facts of {@code day}, closed with {@code endOfDay}; {@code account} may be null. */
    public static JourneyFacts of(HealthScore endOfDay, Account account, LocalDate day) {
        Map<String, Contribution> byMeasure = new HashMap<>();
        if (endOfDay != null && endOfDay.contributions() != null) {
            for (Contribution c : endOfDay.contributions()) {
                byMeasure.put(c.measure(), c);
            }
        }
        Instant first = endOfDay == null ? null : endOfDay.firstEventAt();
        Instant last = endOfDay == null ? null : endOfDay.lastEventAt();
        return new JourneyFacts(
                endOfDay == null ? null : endOfDay.score(),
                endOfDay == null ? null : endOfDay.band(),
                endOfDay != null && endOfDay.atRisk(),
                byMeasure,
                daysUntilEndOf(first, day),
                // The last activity is the end of the newest active day (or an exact older event);
                // with none within the history, the account has been silent at least since its
                // first event as far as the history tells.
                daysUntilEndOf(last != null ? last.minusMillis(1) : first, day),
                account == null ? null : account.plan(),
                account == null ? null : account.segment(),
                account != null && account.churned());
    }

    Contribution contribution(String measure) {
        return contributions.get(measure);
    }

    /** Whole days from {@code instant}'s UTC day to {@code day}: 0 on the same day. */
    private static Integer daysUntilEndOf(Instant instant, LocalDate day) {
        if (instant == null) {
            return null;
        }
        LocalDate from = LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, day));
    }
}
