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
        assertThat(weekdays).allSatisfy(day -> assertThat(day).isBetween(13_000L, 17_000L));
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
    void decliningTenantsLastWeekIsFarBelowTheirUsualWeek() {
        assertThat(replay.base.tenantsOf(Archetype.DECLINING))
                .hasSize(12)
                .allSatisfy(
                        tenant -> {
                            long lastWeek = replay.events(tenant, TODAY.minusDays(7), TODAY);
                            double usualWeek =
                                    replay.events(tenant, TODAY.minusDays(35), TODAY.minusDays(7))
                                            / 4.0;
                            double before =
                                    replay.events(tenant, TODAY.minusDays(49), TODAY.minusDays(21))
                                            / 4.0;
                            assertThat(lastWeek)
                                    .as(tenant)
                                    .isLessThan(Math.round(0.55 * usualWeek));
                            assertThat(lastWeek).as(tenant).isLessThan(Math.round(0.45 * before));
                        });
    }

    @Test
    void idleTenantsAreSilentForTheLastTenDays() {
        assertThat(replay.base.tenantsOf(Archetype.IDLE))
                .hasSize(8)
                .allSatisfy(
                        tenant -> {
                            assertThat(replay.recordsInLast10DaysPerTenant.getOrDefault(tenant, 0L))
                                    .as(tenant)
                                    .isZero();
                            // ... and were in use before they went silent.
                            int silent = replay.base.behaviour(tenant).silentDays();
                            assertThat(
                                            replay.events(
                                                    tenant,
                                                    TODAY.minusDays(40),
                                                    TODAY.minusDays(silent + 1)))
                                    .isPositive();
                        });
    }

    @Test
    void expandingTenantsUseMoreThanNinetyPercentOfTheirSeats() {
        assertThat(replay.base.tenantsOf(Archetype.EXPANDING))
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
        for (String tenant : replay.base.tenantsOf(Archetype.STEADY_HEALTHY)) {
            double share = replay.usersInLast14Days.get(tenant).size() / (double) seats(tenant);
            assertThat(share).as(tenant).isBetween(0.55, 0.88);
        }
        for (String tenant : replay.base.tenantsOf(Archetype.LUKEWARM)) {
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
