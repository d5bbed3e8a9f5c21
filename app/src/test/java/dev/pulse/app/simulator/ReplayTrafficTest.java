package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Sixty days of replayed traffic, checked as the pipeline and the demo need it. */
class ReplayTrafficTest {
    private static final LocalDate TODAY =
            LocalDate.ofInstant(ReplayFixture.ANCHOR, ZoneOffset.UTC);
    private final ReplayFixture replay = ReplayFixture.get();

    @Test
    void weekdayVolumeIsAboutFifteenThousandEvents() {
        List<Long> weekdays = volumes(false);
        assertThat(weekdays).hasSizeGreaterThan(35);
        double mean = weekdays.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(mean).isBetween(14_000.0, 16_000.0);
        assertThat(weekdays).allSatisfy(day -> assertThat(day).isBetween(13_000L, 18_500L));
        // Only the month-end peaks of the cyclical tenants lift a weekday above 16,000.
        assertThat(replay.wholeDays())
                .filteredOn(day -> replay.recordsPerDay.get(day) > 16_000)
                .isNotEmpty()
                .allSatisfy(
                        day -> assertThat(day.lengthOfMonth() - day.getDayOfMonth()).isLessThan(4));
    }

    @Test
    void weekendVolumeIsAQuarterOfWeekdays() {
        double weekday = volumes(false).stream().mapToLong(Long::longValue).average().orElseThrow();
        double weekend = volumes(true).stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(weekend / weekday).isCloseTo(0.25, Offset.offset(0.03));
    }

    @Test
    void sixtyDaysHoldBetweenSixAndNineHundredThousandRecords() {
        long total = replay.kinds.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween(600_000L, 900_000L);
    }

    @Test
    void replayIsInEventTimeOrderExceptTheInjectedLateEvents() {
        assertThat(replay.outOfOrder).isEmpty();
        assertThat(replay.lateMinutesMin).isGreaterThanOrEqualTo(5);
        assertThat(replay.lateMinutesMax).isLessThan(40);
        assertThat(replay.beyondGraceMinutesMin).isGreaterThanOrEqualTo(180);
        assertThat(replay.beyondGraceMinutesMax).isLessThan(360);
    }

    @Test
    void everyWellFormedRecordPassesTheParser() {
        assertThat(replay.rejectedWellFormed).isEmpty();
    }

    @Test
    void everyMalformedRecordFailsTheParserButIsKeyedByATenant() {
        assertThat(replay.kinds.get(RecordKind.MALFORMED)).isPositive();
        assertThat(replay.acceptedMalformed).isEmpty();
        assertThat(replay.keylessMalformed).isEmpty();
    }

    @Test
    void injectsDuplicatesLateEventsAndMalformedRecordsAtTheirRates() {
        double events = replay.kinds.get(RecordKind.EVENT);
        assertThat(replay.kinds.get(RecordKind.DUPLICATE) / events)
                .isCloseTo(0.002, Offset.offset(0.0005));
        assertThat(replay.kinds.get(RecordKind.LATE) / events)
                .isCloseTo(0.005, Offset.offset(0.001));
        assertThat(replay.kinds.get(RecordKind.MALFORMED) / events)
                .isCloseTo(0.0005, Offset.offset(0.0002));
        // A handful a day beyond the one-hour grace.
        assertThat(replay.kinds.get(RecordKind.BEYOND_GRACE) / (double) ReplayFixture.DAYS)
                .isBetween(3.0, 6.0);
    }

    @Test
    void duplicatesRepeatTheirOriginalExactlyAndOtherEventIdsAreUnique() {
        assertThat(replay.duplicatesMatchingTheirOriginal)
                .isEqualTo(replay.kinds.get(RecordKind.DUPLICATE));
        assertThat(replay.reusedEventIds).isZero();
    }

    @Test
    void someEventsCarryFieldsTheSchemaDoesNotKnow() {
        assertThat(replay.recordsWithExtraFields / (double) replay.eventIds.size())
                .isCloseTo(0.02, Offset.offset(0.005));
    }

    @Test
    void fadingTenantsLastWeekFollowsTheirFade() {
        assertThat(replay.base.tenantsOf(UsagePattern.FADE))
                .hasSize(12)
                .allSatisfy(
                        tenant -> {
                            Fade fade =
                                    replay.base.behaviour(tenant).effect(Fade.class).orElseThrow();
                            // Whole weeks before the fade began, as far as the replay goes back.
                            int weeks =
                                    (int)
                                            Math.min(
                                                    4,
                                                    (fade.start().toEpochDay()
                                                                    - TODAY.minusDays(59)
                                                                            .toEpochDay())
                                                            / 7);
                            double usualWeek =
                                    replay.events(
                                                    tenant,
                                                    fade.start().minusDays(7L * weeks),
                                                    fade.start())
                                            / (double) weeks;
                            double expected = 0;
                            for (int back = 1; back <= 7; back++) {
                                expected += fade.level(TODAY.minusDays(back)) / 7;
                            }
                            long lastWeek = replay.events(tenant, TODAY.minusDays(7), TODAY);
                            assertThat(weeks).as(tenant).isGreaterThanOrEqualTo(3);
                            // Loosely: whether a week's skipped days are weekdays or weekends moves
                            // its volume by a tenth or two.
                            assertThat(lastWeek / usualWeek)
                                    .as(tenant + " last week against a week before the fade")
                                    .isCloseTo(expected, Offset.offset(0.12 + 0.3 * expected));
                        });
    }

    @Test
    void fadingTenantsAboutToLeaveUseFarLessThanBeforeTheirFade() {
        List<String> leavingSoon =
                replay.base.tenantsOf(UsagePattern.FADE).stream()
                        .filter(
                                t ->
                                        replay.base
                                                .plannedChurn(t)
                                                .orElseThrow()
                                                .isBefore(TODAY.plusDays(15)))
                        .toList();
        assertThat(leavingSoon)
                .hasSizeGreaterThanOrEqualTo(8) // one for each manager at least
                .allSatisfy(
                        tenant -> {
                            long lastWeek = replay.events(tenant, TODAY.minusDays(7), TODAY);
                            double firstWeeks =
                                    replay.events(tenant, TODAY.minusDays(56), TODAY.minusDays(35))
                                            / 3.0;
                            assertThat(lastWeek)
                                    .as(tenant)
                                    .isLessThan(Math.round(0.8 * firstWeeks));
                        });
    }

    @Test
    void monthEndTenantsPeakAtTheEndOfOctoberAndBlipTenantsDipForOneWeek() {
        LocalDate octoberEnd = LocalDate.of(2026, 10, 31);
        for (String tenant : replay.base.tenantsOf(UsagePattern.CYCLICAL_MONTH_END)) {
            PeriodEndPeak peak =
                    replay.base.behaviour(tenant).effect(PeriodEndPeak.class).orElseThrow();
            // Thursday and Friday, 29 and 30 October, against the same weekdays a week before.
            long peakDays = replay.events(tenant, octoberEnd.minusDays(2), octoberEnd);
            long before = replay.events(tenant, octoberEnd.minusDays(9), octoberEnd.minusDays(7));
            assertThat(peakDays / (double) before)
                    .as(tenant)
                    .isCloseTo(peak.factor(), Offset.offset(0.35 * peak.factor()));
        }
        for (String tenant : replay.base.tenantsOf(UsagePattern.BLIP)) {
            Dip blip = replay.base.behaviour(tenant).effect(Dip.class).orElseThrow();
            long blipWeek = replay.events(tenant, blip.from(), blip.to().plusDays(1));
            long weekBefore = replay.events(tenant, blip.from().minusDays(7), blip.from());
            long weekAfter = replay.events(tenant, blip.to().plusDays(1), blip.to().plusDays(8));
            assertThat(blipWeek / (double) weekBefore)
                    .as(tenant)
                    .isCloseTo(blip.factor(), Offset.offset(0.15));
            assertThat(weekAfter / (double) weekBefore).as(tenant).isCloseTo(1, Offset.offset(0.2));
        }
    }

    @Test
    void idleTenantsAreSilentForTheLastTenDays() {
        assertThat(replay.base.tenantsOf(UsagePattern.IDLE))
                .hasSize(8)
                .allSatisfy(
                        tenant -> {
                            assertThat(replay.recordsInLast10DaysPerTenant.getOrDefault(tenant, 0L))
                                    .as(tenant)
                                    .isZero();
                            // ... and were in use before they went silent.
                            LocalDate silentFrom =
                                    replay.base
                                            .behaviour(tenant)
                                            .effect(Silence.class)
                                            .orElseThrow()
                                            .from();
                            assertThat(replay.events(tenant, TODAY.minusDays(40), silentFrom))
                                    .isPositive();
                        });
    }

    @Test
    void expandingTenantsUseMoreThanNinetyPercentOfTheirSeats() {
        assertThat(replay.base.tenantsOf(UsagePattern.EXPANDING))
                .hasSize(11)
                .allSatisfy(
                        tenant -> {
                            long seats = seats(tenant);
                            assertThat(replay.usersInLast14Days.get(tenant))
                                    .as(tenant)
                                    .hasSizeGreaterThan((int) (0.9 * seats));
                        });
    }

    @Test
    void steadyTenantsUseMostOfTheirSeatsAndLukewarmOnesFew() {
        for (String tenant : replay.base.tenantsOf(UsagePattern.STEADY)) {
            double share = replay.usersInLast14Days.get(tenant).size() / (double) seats(tenant);
            // 62–83% of seats engaged; on a small team one of them may miss a fortnight.
            assertThat(share).as(tenant).isBetween(0.5, 0.88);
        }
        for (String tenant : replay.base.tenantsOf(UsagePattern.LUKEWARM)) {
            int users = replay.usersInLast14Days.getOrDefault(tenant, Set.of()).size();
            assertThat(users / (double) seats(tenant)).as(tenant).isLessThan(0.35);
        }
    }

    private long seats(String tenant) {
        return replay.base.accounts().stream()
                .filter(account -> account.tenantId().equals(tenant))
                .map(Account::licensedSeats)
                .findFirst()
                .orElseThrow();
    }

    private List<Long> volumes(boolean weekend) {
        return replay.wholeDays().stream()
                .filter(
                        day ->
                                (day.getDayOfWeek() == DayOfWeek.SATURDAY
                                                || day.getDayOfWeek() == DayOfWeek.SUNDAY)
                                        == weekend)
                .map(replay.recordsPerDay::get)
                .toList();
    }
}
