package dev.pulse.topologies.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each evaluator as a pure function over hand-made inputs. */
class AlertConditionTest {
    private static final HealthModel MODEL = model();

    /** Midnight: today is the whole of 2026-11-09 (a Monday), so windows are whole days. */
    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-11-09");
    private static final AlertCondition.UsageDrop USAGE_DROP =
            new AlertCondition.UsageDrop(40.0, 200.0, 4);

    @Test
    void usageDropFiresWhenTheLastWeekIsFarBelowTheSameWeekdays() {
        DailyHistory history = history(60, day -> day.isAfter(TODAY.minusDays(7)) ? 54 : 100);

        Evaluation e = USAGE_DROP.evaluate(input(score(48, -23.0), account(10), history));

        assertThat(e.holds()).isTrue();
        assertThat(e.explanation())
                .isEqualTo(
                        "Acme: events in the last 7 days down 46% against the same weekdays of"
                                + " the last 4 weeks (378 vs 700 a week); score 71 → 48 in 7"
                                + " days");
    }

    @Test
    void usageDropIgnoresAWeekendDipThatTheBaselineAlsoHas() {
        DailyHistory history = history(60, day -> weekend(day) ? 10 : 100);

        Evaluation e = USAGE_DROP.evaluate(input(score(80, 0.0), account(10), history));

        assertThat(e.holds()).isFalse();
        assertThat(e.explanation()).contains("at 100% of the same weekdays");
    }

    @Test
    void usageDropLeavesSmallAccountsAlone() {
        DailyHistory history = history(60, day -> day.isAfter(TODAY.minusDays(7)) ? 0 : 20);

        Evaluation e = USAGE_DROP.evaluate(input(score(60, -5.0), account(3), history));

        assertThat(e.holds()).isFalse();
        assertThat(e.explanation()).contains("too little usage to judge");
    }

    @Test
    void usageDropDoesNotJudgeATenantWithLessHistoryThanTheBaseline() {
        DailyHistory history = history(20, day -> day.isAfter(TODAY.minusDays(7)) ? 0 : 100);
        HealthScore young = activity(score(40, null), NOW.minus(Duration.ofDays(20)), null);

        assertThat(USAGE_DROP.evaluate(input(young, account(10), history)).holds()).isFalse();
    }

    @Test
    void silenceFiresAfterTheConfiguredDaysWithoutEvents() {
        AlertCondition.Silence silence = new AlertCondition.Silence(7);
        HealthScore quiet =
                activity(
                        score(35, -30.0),
                        NOW.minus(Duration.ofDays(90)),
                        NOW.minus(Duration.ofDays(9)));
        HealthScore recent =
                activity(
                        score(35, -30.0),
                        NOW.minus(Duration.ofDays(90)),
                        NOW.minus(Duration.ofDays(6)));

        Evaluation e = silence.evaluate(input(quiet, account(10), history(0, d -> 0)));

        assertThat(e.holds()).isTrue();
        assertThat(e.explanation())
                .isEqualTo(
                        "Acme: no activity for 9 days (last event 2026-11-01); score 65 → 35 in 7"
                                + " days");
        assertThat(silence.evaluate(input(recent, account(10), history(0, d -> 0))).holds())
                .isFalse();
    }

    @Test
    void eachConditionReportsWhenTheDataSaysItBeganOrThatItCannotTell() {
        HealthScore quiet =
                activity(
                        score(35, -30.0),
                        NOW.minus(Duration.ofDays(90)),
                        NOW.minus(Duration.ofDays(9)));
        DailyHistory dropped = history(60, day -> day.isAfter(TODAY.minusDays(7)) ? 54 : 100);

        Evaluation silent =
                new AlertCondition.Silence(7)
                        .evaluate(input(quiet, account(10), history(0, d -> 0)));
        Evaluation usage = USAGE_DROP.evaluate(input(score(48, -23.0), account(10), dropped));
        Evaluation fell =
                new AlertCondition.ScoreDrop(-15.0, false)
                        .evaluate(input(score(48, -23.0), account(10), history(0, d -> 0)));

        assertThat(silent.onset()).isEqualTo(NOW.minus(Duration.ofDays(2)));
        assertThat(usage.onset()).isEqualTo(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(fell.holds()).isTrue();
        assertThat(fell.onset()).isNull();
    }

    @Test
    void renewalRiskFiresForLowUtilisationCloseToRenewal() {
        AlertCondition.RenewalRisk rule = new AlertCondition.RenewalRisk(0.5, 90);
        HealthScore low = withUtilisation(score(45, null), 0.32);

        Evaluation soon =
                rule.evaluate(
                        input(low, account(50, LocalDate.parse("2027-01-15")), history(0, d -> 0)));
        Evaluation later =
                rule.evaluate(
                        input(low, account(50, LocalDate.parse("2027-06-30")), history(0, d -> 0)));
        Evaluation wellUsed =
                rule.evaluate(
                        input(
                                withUtilisation(score(80, null), 0.7),
                                account(50, LocalDate.parse("2027-01-15")),
                                history(0, d -> 0)));

        assertThat(soon.holds()).isTrue();
        assertThat(soon.explanation())
                .isEqualTo(
                        "Acme: renews in 66 days (2027-01-15) with 32% of 50 licensed seats in"
                                + " use; score 45");
        assertThat(later.holds()).isFalse();
        assertThat(wellUsed.holds()).isFalse();
    }

    @Test
    void supportSpikeNeedsBothTheFactorAndTheMinimumCount() {
        AlertCondition.SupportSpike rule = new AlertCondition.SupportSpike(3.0, 5, 4, null);
        Function<LocalDate, Integer> usage = day -> 50;

        Evaluation spike = rule.evaluate(input(score(60, null), account(10), tickets(usage, 1, 6)));
        Evaluation usual = rule.evaluate(input(score(60, null), account(10), tickets(usage, 3, 6)));
        Evaluation few = rule.evaluate(input(score(60, null), account(10), tickets(usage, 0, 4)));

        assertThat(spike.holds()).isTrue();
        assertThat(spike.explanation())
                .isEqualTo(
                        "Acme: 6 support tickets opened in the last 7 days, 6.0× the weekly"
                                + " average of the prior 4 weeks (1.0)");
        assertThat(usual.holds()).isFalse();
        assertThat(few.holds()).isFalse();
    }

    @Test
    void expansionFiresAboveTheUtilisationThreshold() {
        AlertCondition.Expansion rule = new AlertCondition.Expansion(0.9);

        Evaluation full =
                rule.evaluate(
                        input(
                                withUtilisation(score(90, null), 0.95),
                                account(40),
                                history(0, d -> 0)));
        Evaluation room =
                rule.evaluate(
                        input(
                                withUtilisation(score(90, null), 0.8),
                                account(40),
                                history(0, d -> 0)));
        Evaluation unknown = rule.evaluate(input(score(90, null), null, history(0, d -> 0)));

        assertThat(full.holds()).isTrue();
        assertThat(full.explanation())
                .isEqualTo("Acme: 95% of 40 licensed seats in use, room to expand the contract");
        assertThat(room.holds()).isFalse();
        assertThat(unknown.holds()).isFalse();
    }

    @Test
    void scoreDropFiresOnAFallOrAWorseBand() {
        AlertCondition.ScoreDrop byDelta = new AlertCondition.ScoreDrop(-15.0, false);
        AlertCondition.ScoreDrop byBand = new AlertCondition.ScoreDrop(null, true);

        AlertInput fell = input(score(48, -23.0), account(10), history(0, d -> 0));
        AlertInput slipped = input(score(68, -5.0), account(10), history(0, d -> 0));
        AlertInput steady = input(score(80, -5.0), account(10), history(0, d -> 0));

        assertThat(byDelta.evaluate(fell).holds()).isTrue();
        assertThat(byDelta.evaluate(fell).explanation())
                .startsWith("Acme: score 71 → 48 in 7 days (healthy → neutral); main drag: ");
        assertThat(byDelta.evaluate(slipped).holds()).isFalse();
        assertThat(byBand.evaluate(slipped).holds()).isTrue();
        assertThat(byBand.evaluate(steady).holds()).isFalse();
    }

    private static AlertInput input(HealthScore score, Account account, DailyHistory history) {
        return AlertInput.of(score, account, history, NOW, MODEL, false);
    }

    private static HealthScore score(double value, Double delta7d) {
        return new HealthScore(
                "acme",
                value,
                MODEL.bandOf(value),
                MODEL.version(),
                NOW,
                delta7d,
                null,
                List.of(),
                "Trend: events down 40% against the 28 days before",
                NOW.minus(Duration.ofDays(90)),
                NOW.minus(Duration.ofHours(1)),
                null);
    }

    private static HealthScore activity(HealthScore s, Instant first, Instant last) {
        return s.withActivity(first, last);
    }

    private static HealthScore withUtilisation(HealthScore s, double utilisation) {
        Contribution seats =
                new Contribution(
                        AlertInput.SEAT_UTILISATION,
                        "Seat utilisation",
                        utilisation,
                        50.0,
                        0.25,
                        12.5,
                        "some seats in use");
        return new HealthScore(
                s.tenantId(),
                s.score(),
                s.band(),
                s.modelVersion(),
                s.asOf(),
                s.delta7d(),
                s.delta30d(),
                List.of(seats),
                s.topReason(),
                s.firstEventAt(),
                s.lastEventAt(),
                null);
    }

    private static Account account(long seats) {
        return account(seats, LocalDate.parse("2027-06-30"));
    }

    private static Account account(long seats, LocalDate renewal) {
        return new Account(
                "acme", "Acme", "sarah@example.com", "east", "growth", seats, 1.0, renewal, "smb");
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** {@code days} days ending today, with events per day from {@code events}. */
    private static DailyHistory history(int days, Function<LocalDate, Integer> events) {
        Map<LocalDate, EngagementBucket> buckets = new HashMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = TODAY.minusDays(d);
            buckets.put(day, bucket(day, events.apply(day), "login"));
        }
        return new DailyHistory(buckets, NOW);
    }

    /**
     * Usage plus tickets: {@code weekly} on each Monday before this week, {@code thisWeek} today.
     */
    private static DailyHistory tickets(
            Function<LocalDate, Integer> usage, int weekly, int thisWeek) {
        Map<LocalDate, EngagementBucket> buckets = new HashMap<>();
        for (int d = 0; d < 60; d++) {
            LocalDate day = TODAY.minusDays(d);
            EngagementBucket bucket = bucket(day, usage.apply(day), "login");
            int tickets = d == 0 ? thisWeek : d % 7 == 0 ? weekly : 0;
            for (int t = 0; t < tickets; t++) {
                bucket.add(event(day, "ticket_opened", t));
            }
            buckets.put(day, bucket);
        }
        return new DailyHistory(buckets, NOW);
    }

    private static EngagementBucket bucket(LocalDate day, int events, String type) {
        EngagementBucket bucket = new EngagementBucket();
        for (int i = 0; i < events; i++) {
            bucket.add(event(day, type, i));
        }
        return bucket;
    }

    private static UsageEvent event(LocalDate day, String type, int i) {
        return new UsageEvent(
                day + "-" + type + "-" + i,
                "acme",
                "user-" + (i % 5),
                type,
                null,
                day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                null);
    }

    private static HealthModel model() {
        try {
            return HealthModel.fromYaml(
                    Files.readString(Path.of("..", "config", "health-model.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
