package dev.pulse.topologies.alert;

import static dev.pulse.topologies.alert.AlertInput.percent;
import static dev.pulse.topologies.alert.AlertInput.whole;

import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.EventTypes;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.text.Decimals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The kind-specific part of a rule: its parameters as written in YAML, and a pure evaluation over
 * one tenant's inputs. Parameters are checked when the rules are loaded (the compact constructors),
 * so evaluation never meets a bad value.
 */
public sealed interface AlertCondition {

    /**
     * Evaluates the condition; never throws for missing data, which simply does not hold. A
     * condition that holds reports its onset, the instant it began according to the data, where the
     * data can tell; see each kind for how.
     */
    Evaluation evaluate(AlertInput in);

    /** Days of daily engagement history the evaluation reads (0 for none). */
    default int lookbackDays() {
        return 0;
    }

    /**
     * The band got worse than it was seven days ago, or the score fell by at least a number of
     * points in seven days. Onset: unknown (the current score does not say since when the drop has
     * crossed the threshold), so {@code for} counts from when Pulse first saw it.
     *
     * @param delta7dAtMost fires when {@code delta7d <= delta7dAtMost} (a negative number)
     * @param bandWorsened fires when the band is worse than seven days ago
     */
    record ScoreDrop(Double delta7dAtMost, Boolean bandWorsened) implements AlertCondition {
        public ScoreDrop {
            bandWorsened = bandWorsened != null && bandWorsened;
            if (delta7dAtMost == null && !bandWorsened) {
                throw new IllegalArgumentException(
                        "score_drop needs 'delta7dAtMost' (e.g. -15) or 'bandWorsened: true'");
            }
            if (delta7dAtMost != null && !(delta7dAtMost < 0 && delta7dAtMost >= -100)) {
                throw new IllegalArgumentException(
                        "'delta7dAtMost' must be a drop between -100 and 0, got " + delta7dAtMost);
            }
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            HealthScore score = in.score();
            Band now = in.levelBand() == null ? score.band() : in.levelBand();
            Band before = in.bandWeekAgo();
            boolean worse = bandWorsened && before != null && now.riskRank() < before.riskRank();
            boolean fell =
                    delta7dAtMost != null
                            && score.delta7d() != null
                            && score.delta7d() <= delta7dAtMost;
            String bands =
                    before == null || before == now
                            ? now.label().replace('_', ' ')
                            : before.label().replace('_', ' ')
                                    + " → "
                                    + now.label().replace('_', ' ');
            String sentence = in.displayName() + ": " + in.scoreTrend() + " (" + bands + ")";
            if (worse || fell) {
                return Evaluation.holds(
                        sentence
                                + (score.topReason() == null
                                        ? ""
                                        : "; main drag: " + score.topReason()));
            }
            return Evaluation.clear(sentence);
        }
    }

    /**
     * Events of the last 7 days against the same weekdays of the prior weeks (a seasonal baseline,
     * so a normal weekend dip is in both), with a minimum baseline volume so tiny accounts do not
     * flap. A tenant with less history than the baseline is not judged. Onset: the start of the
     * (UTC) day being compared. Counts are kept per day, so a drop that shows today rests on the
     * days up to today; the rolling window ends now, so today is the newest day the data can date
     * the drop to.
     *
     * @param dropPercent fires when events fell by at least this many percent
     * @param minBaselineEventsPerWeek baseline weeks below this average are too small to judge
     * @param baselineWeeks how many prior weeks form the baseline (default 4)
     */
    record UsageDrop(Double dropPercent, Double minBaselineEventsPerWeek, Integer baselineWeeks)
            implements AlertCondition {
        public UsageDrop {
            requireRange(dropPercent, "dropPercent", 1, 100);
            requireRange(minBaselineEventsPerWeek, "minBaselineEventsPerWeek", 0, 1e12);
            baselineWeeks = defaultWeeks(baselineWeeks);
        }

        @Override
        public int lookbackDays() {
            return 7 * (baselineWeeks + 1) + 1;
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            String name = in.displayName();
            if (!historyCovers(in, baselineWeeks)) {
                return Evaluation.clear(
                        name + ": less than " + baselineWeeks + " weeks of history");
            }
            WeekOverBaseline events =
                    WeekOverBaseline.of(in.history(), baselineWeeks, EngagementBucket::events);
            String weeks = " the same weekdays of the last " + baselineWeeks + " weeks";
            String volumes =
                    " (" + whole(events.current) + " vs " + whole(events.baseline) + " a week)";
            if (events.baseline < minBaselineEventsPerWeek) {
                return Evaluation.clear(
                        name
                                + ": too little usage to judge a drop"
                                + volumes
                                + "; minimum "
                                + whole(minBaselineEventsPerWeek)
                                + " a week");
            }
            double drop = 1 - events.current / events.baseline;
            if (drop * 100 >= dropPercent) {
                return Evaluation.holdsSince(
                        in.history().today().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        name
                                + ": events in the last 7 days down "
                                + percent(drop)
                                + " against"
                                + weeks
                                + volumes
                                + "; "
                                + in.scoreTrend());
            }
            return Evaluation.clear(
                    name
                            + ": events in the last 7 days at "
                            + percent(events.current / events.baseline)
                            + " of"
                            + weeks
                            + volumes);
        }
    }

    /**
     * No activity for a number of days, from the score's last event time against now. Onset: the
     * last event plus the number of days, the instant the data says the tenant crossed into
     * silence.
     *
     * @param days fires after this many days without an event
     */
    record Silence(Integer days) implements AlertCondition {
        public Silence {
            requireRange(days, "days", 1, 366);
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            Instant last = in.score().lastEventAt();
            if (last == null) {
                return Evaluation.clear(in.displayName() + ": no activity recorded yet");
            }
            long silentDays = Duration.between(last, in.now()).toDays();
            String sentence =
                    in.displayName()
                            + ": no activity for "
                            + silentDays
                            + (silentDays == 1 ? " day" : " days")
                            + " (last event "
                            + LocalDate.ofInstant(last, ZoneOffset.UTC)
                            + "); "
                            + in.scoreTrend();
            Instant silentFrom = last.plus(Duration.ofDays(days));
            return !in.now().isBefore(silentFrom)
                    ? Evaluation.holdsSince(silentFrom, sentence)
                    : Evaluation.clear(sentence);
        }
    }

    /**
     * Low seat utilisation while the renewal is near. Onset: unknown (utilisation is a current
     * reading, and the directory may change the renewal date at any time), so {@code for} counts
     * from when Pulse first saw both hold.
     *
     * @param utilisationBelow fires when active users per licensed seat are below this (0–1)
     * @param renewalWithinDays ... and the renewal date is at most this many days away
     */
    record RenewalRisk(Double utilisationBelow, Integer renewalWithinDays)
            implements AlertCondition {
        public RenewalRisk {
            requireRange(utilisationBelow, "utilisationBelow", 0.01, 1);
            requireRange(renewalWithinDays, "renewalWithinDays", 1, 1000);
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            Double utilisation = in.seatUtilisation();
            LocalDate renewal = in.account() == null ? null : in.account().renewalDate();
            if (utilisation == null || renewal == null) {
                return Evaluation.clear(
                        in.displayName() + ": no renewal date or licensed seats on record");
            }
            long daysLeft =
                    ChronoUnit.DAYS.between(LocalDate.ofInstant(in.now(), ZoneOffset.UTC), renewal);
            String sentence =
                    in.displayName()
                            + ": renews in "
                            + daysLeft
                            + " days ("
                            + renewal
                            + ") with "
                            + percent(utilisation)
                            + " of "
                            + in.account().licensedSeats()
                            + " licensed seats in use; "
                            + in.scoreTrend();
            boolean holds =
                    daysLeft >= 0
                            && daysLeft <= renewalWithinDays
                            && utilisation < utilisationBelow;
            return holds ? Evaluation.holds(sentence) : Evaluation.clear(sentence);
        }
    }

    /**
     * Support tickets opened in the last 7 days against the weekly average of the prior weeks.
     * Onset: the start of the 7-day window in which the spike was counted; the tickets are in the
     * data, waiting longer only delays the alert.
     *
     * @param factor fires when this week's tickets are at least this multiple of the average
     * @param minTickets ... and at least this many
     * @param baselineWeeks how many prior weeks form the average (default 4)
     * @param eventTypes event types that count as an opened ticket (default ticket_opened)
     */
    record SupportSpike(
            Double factor, Integer minTickets, Integer baselineWeeks, List<String> eventTypes)
            implements AlertCondition {
        public SupportSpike {
            requireRange(factor, "factor", 1, 1000);
            requireRange(minTickets, "minTickets", 1, 1_000_000);
            baselineWeeks = defaultWeeks(baselineWeeks);
            eventTypes =
                    eventTypes == null || eventTypes.isEmpty()
                            ? List.of(EventTypes.TICKET_OPENED)
                            : List.copyOf(eventTypes);
        }

        @Override
        public int lookbackDays() {
            return 7 * (baselineWeeks + 1) + 1;
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            String name = in.displayName();
            if (!historyCovers(in, baselineWeeks)) {
                return Evaluation.clear(
                        name + ": less than " + baselineWeeks + " weeks of history");
            }
            ToLongFunction<EngagementBucket> tickets = bucket -> bucket.eventsOfTypes(eventTypes);
            WeekOverBaseline week = WeekOverBaseline.of(in.history(), baselineWeeks, tickets);
            long opened = Math.round(week.current);
            String ratio =
                    week.baseline > 0
                            ? Decimals.tenths(week.current / week.baseline) + "×"
                            : "against none in";
            String sentence =
                    name
                            + ": "
                            + opened
                            + " support tickets opened in the last 7 days, "
                            + ratio
                            + " the weekly average of the prior "
                            + baselineWeeks
                            + " weeks ("
                            + Decimals.tenths(week.baseline)
                            + ")";
            boolean holds = opened >= minTickets && week.current >= factor * week.baseline;
            return holds
                    ? Evaluation.holdsSince(in.now().minus(Duration.ofDays(7)), sentence)
                    : Evaluation.clear(sentence);
        }
    }

    /**
     * An upsell signal: most licensed seats are in use. Onset: unknown (a current reading), so
     * {@code for} counts from when Pulse first saw it.
     *
     * @param utilisationAbove fires when active users per licensed seat exceed this (e.g. 0.9)
     */
    record Expansion(Double utilisationAbove) implements AlertCondition {
        public Expansion {
            requireRange(utilisationAbove, "utilisationAbove", 0.01, 10);
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            Double utilisation = in.seatUtilisation();
            if (utilisation == null) {
                return Evaluation.clear(in.displayName() + ": no licensed seats on record");
            }
            String sentence =
                    in.displayName()
                            + ": "
                            + percent(utilisation)
                            + " of "
                            + in.account().licensedSeats()
                            + " licensed seats in use, room to expand the contract";
            return utilisation > utilisationAbove
                    ? Evaluation.holds(sentence)
                    : Evaluation.clear(sentence);
        }
    }

    /** This week's count against the average of the same hours of the prior weeks. */
    record WeekOverBaseline(double current, double baseline) {
        static WeekOverBaseline of(
                DailyHistory history, int weeks, ToLongFunction<EngagementBucket> count) {
            double sum = 0;
            for (int w = 1; w <= weeks; w++) {
                sum += history.countShifted(7, 7 * w, count);
            }
            return new WeekOverBaseline(history.count(7, 0, count), sum / weeks);
        }
    }

    /** The tenant was active before the oldest baseline week began. */
    private static boolean historyCovers(AlertInput in, int baselineWeeks) {
        Instant first = in.score().firstEventAt();
        return first != null
                && !first.isAfter(in.now().minus(Duration.ofDays(7L * (baselineWeeks + 1))));
    }

    private static int defaultWeeks(Integer weeks) {
        if (weeks == null) {
            return 4;
        }
        requireRange(weeks, "baselineWeeks", 1, 12);
        return weeks;
    }

    private static void requireRange(Number value, String name, double min, double max) {
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
        double v = value.doubleValue();
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' must be between "
                            + plain(min)
                            + " and "
                            + plain(max)
                            + ", got "
                            + value);
        }
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The account is at risk by the health model's at-risk decision, made when each day closes: its
     * usage fell against its own normal for long enough, or its score stayed below the at-risk line
     * (see {@code risk} in the health model). The explanation is the decision's sentence. Onset:
     * the first day of the at-risk episode, as the decision dates it.
     *
     * @param includeLevel whether an account at risk only because its score is low fires too
     *     (default true); false keeps this alert for declines
     */
    record AtRisk(Boolean includeLevel) implements AlertCondition {
        public AtRisk {
            includeLevel = includeLevel == null || includeLevel;
        }

        @Override
        public Evaluation evaluate(AlertInput in) {
            dev.pulse.topologies.risk.RiskAssessment risk = in.score().risk();
            if (risk == null) {
                return Evaluation.clear(in.displayName() + ": not judged yet");
            }
            String sentence = in.displayName() + ": " + risk.reason();
            boolean holds = risk.atRisk() && (includeLevel || risk.declining());
            if (!holds) {
                return Evaluation.clear(sentence);
            }
            Instant since =
                    risk.atRiskSince() == null
                            ? null
                            : risk.atRiskSince().atStartOfDay(ZoneOffset.UTC).toInstant();
            return since == null
                    ? Evaluation.holds(sentence)
                    : Evaluation.holdsSince(since, sentence);
        }
    }
}
