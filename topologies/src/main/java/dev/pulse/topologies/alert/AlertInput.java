package dev.pulse.topologies.alert;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.text.Decimals;
import java.time.Instant;

/**
 * Everything a rule may look at for one tenant at one instant.
 *
 * @param score the tenant's current health score
 * @param account the tenant's directory entry; null when the directory does not know it
 * @param history daily engagement ending at {@code now}, long enough for every rule's look-back
 * @param bandWeekAgo the band of the score seven days ago; null without history
 * @param dataCaughtUp whether the data Pulse has processed reaches up to about {@code now}, so that
 *     what it shows (and what it does not show) can be believed: only then is an onset the data
 *     reports trusted. False while Pulse replays or catches up on a backlog, when every tenant
 *     looks quiet merely because its recent events are still queued.
 * @param closedDay true when a closed day is evaluated as of its end: a condition that holds counts
 *     as first seen at the start of that day ({@link #firstSight()}), and {@code for} counts in
 *     whole days, since a daily record can only date a condition to its day
 * @param levelBand the band the score's value alone falls in; the at-risk decision can put an
 *     account in the at-risk band whatever its score, and a band change by score compares this
 */
public record AlertInput(
        String tenantId,
        HealthScore score,
        Account account,
        DailyHistory history,
        Instant now,
        Band bandWeekAgo,
        boolean dataCaughtUp,
        boolean closedDay,
        Band levelBand) {

    /** When a condition that holds now counts as first seen. */
    public Instant firstSight() {
        return closedDay ? now.minus(java.time.Duration.ofDays(1)) : now;
    }

    /** Measure id of seat utilisation in the health model: active users over licensed seats. */
    public static final String SEAT_UTILISATION = "seat_utilisation";

    /** A live evaluation: a condition that holds is first seen now. */
    public static AlertInput of(
            HealthScore score,
            Account account,
            DailyHistory history,
            Instant now,
            HealthModel model,
            boolean dataCaughtUp) {
        return scored(score, account, history, now, model, dataCaughtUp, false);
    }

    /**
     * The input for evaluating a closed day as of its end: its data is complete, and a condition
     * that holds is dated to the start of the day at the latest.
     */
    public static AlertInput endOfDay(
            HealthScore score, Account account, DailyHistory history, HealthModel model) {
        return scored(score, account, history, score.asOf(), model, true, true);
    }

    private static AlertInput scored(
            HealthScore score,
            Account account,
            DailyHistory history,
            Instant now,
            HealthModel model,
            boolean dataCaughtUp,
            boolean closedDay) {
        Band weekAgo =
                score.delta7d() == null ? null : model.bandOf(score.score() - score.delta7d());
        return new AlertInput(
                score.tenantId(),
                score,
                account,
                history,
                now,
                weekAgo,
                dataCaughtUp,
                closedDay,
                model.bandOf(score.score()));
    }

    /** The account's name for sentences, or the tenant id. */
    public String displayName() {
        return account == null || account.name() == null ? tenantId : account.name();
    }

    /** Seat utilisation as the health model measured it (0–1, above 1 when over-used). */
    public Double seatUtilisation() {
        for (Contribution c : score.contributions()) {
            if (SEAT_UTILISATION.equals(c.measure())) {
                return c.value();
            }
        }
        return null;
    }

    /** "score 71 → 48 in 7 days", or "score 48" without a week of history. */
    String scoreTrend() {
        if (score.delta7d() == null) {
            return "score " + whole(score.score());
        }
        return "score "
                + whole(score.score() - score.delta7d())
                + " → "
                + whole(score.score())
                + " in 7 days";
    }

    static String whole(double value) {
        return Decimals.whole(value);
    }

    static String percent(double ratio) {
        return Decimals.percent(ratio);
    }
}
