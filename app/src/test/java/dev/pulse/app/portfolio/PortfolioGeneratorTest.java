package dev.pulse.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.app.simulator.Dip;
import dev.pulse.app.simulator.Fade;
import dev.pulse.app.simulator.FadeShape;
import dev.pulse.app.simulator.Growth;
import dev.pulse.app.simulator.PeriodEndPeak;
import dev.pulse.app.simulator.RampUp;
import dev.pulse.app.simulator.TenantBehaviour;
import dev.pulse.app.simulator.UsagePattern;
import dev.pulse.topologies.account.Account;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PortfolioGeneratorTest {
    private final PortfolioFixture fixture = PortfolioFixture.get();

    @Test
    void sameScenarioGivesTheSameAccountsAndTheSameEvents() {
        PortfolioScenario small = PortfolioScenario.standard(9).withAccounts(30).withDays(70);
        LabelledPortfolio first = PortfolioGenerator.generate(small);
        LabelledPortfolio again = PortfolioGenerator.generate(small);
        LabelledPortfolio other = PortfolioGenerator.generate(small.withSeed(10));

        assertThat(again.accounts()).isEqualTo(first.accounts());
        assertThat(again.holidays()).isEqualTo(first.holidays());
        assertThat(checksum(again)).isEqualTo(checksum(first));
        assertThat(other.accounts()).isNotEqualTo(first.accounts());
        assertThat(checksum(other)).isNotEqualTo(checksum(first));
    }

    @Test
    void eventsComeInEventTimeOrderInsideTheHistory() {
        assertThat(fixture.outOfOrder).isZero();
        assertThat(fixture.events).isBetween(700_000L, 1_400_000L);
        assertThat(fixture.portfolioPerDay[0]).isPositive();
        assertThat(fixture.portfolioPerDay[fixture.days - 1]).isPositive();
    }

    @Test
    void churnersStopOnTheirChurnDateAfterABaseline() {
        List<Account> churners = fixture.accountsOf(UsagePattern.FADE);
        assertThat(churners).hasSize(14); // 12% of 120, rounded
        for (Account churner : churners) {
            String tenant = churner.tenantId();
            Fade fade = fixture.behaviour(tenant).effect(Fade.class).orElseThrow();
            assertThat(churner.status()).isEqualTo(Account.CHURNED);
            assertThat(churner.churnedAt())
                    .isEqualTo(fade.churnedAt())
                    .isBetween(fixture.portfolio.firstDay(), fixture.portfolio.lastDay());
            assertThat(fade.start())
                    .isAfterOrEqualTo(
                            fixture.portfolio.firstDay().plusDays(PortfolioScenario.BASELINE_DAYS));
            assertThat(churner.attributes())
                    .containsEntry("fadeShape", fade.shape().label())
                    .containsEntry("fadeDays", Integer.toString(fade.days()));
            assertThat(
                            fixture.events(
                                    tenant,
                                    churner.churnedAt(),
                                    fixture.portfolio.lastDay().plusDays(1)))
                    .as(tenant)
                    .isZero();
            assertThat(
                            fixture.events(
                                    tenant, churner.churnedAt().minusDays(7), churner.churnedAt()))
                    .as(tenant + " is still there in its last week")
                    .isPositive();
        }
    }

    @Test
    void churnersLastTwoWeeksAreWellBelowTheirEarlyWeeks() {
        List<Double> ratios = new ArrayList<>();
        for (Account churner : fixture.accountsOf(UsagePattern.FADE)) {
            String tenant = churner.tenantId();
            LocalDate first = fixture.portfolio.firstDay();
            double early = perDay(tenant, first, first.plusDays(28));
            double last = perDay(tenant, churner.churnedAt().minusDays(14), churner.churnedAt());
            assertThat(last / early).as(tenant).isLessThan(0.8);
            ratios.add(last / early);
        }
        assertThat(ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isLessThan(0.55);
    }

    @Test
    void fadesVaryInLengthAndShape() {
        LabelledPortfolio standard = PortfolioGenerator.generate(PortfolioScenario.standard(1));
        List<Fade> fades = fades(standard);
        assertThat(fades).hasSize(24);
        assertThat(fades).extracting(Fade::days).allSatisfy(d -> assertThat(d).isBetween(28, 70));
        IntSummary lengths = IntSummary.of(fades.stream().map(Fade::days).toList());
        assertThat(lengths.max - lengths.min).isGreaterThanOrEqualTo(20);
        assertThat(fades.stream().map(Fade::shape).collect(Collectors.toSet()))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(fades)
                .filteredOn(f -> f.shape() == FadeShape.STEPWISE)
                .allSatisfy(f -> assertThat(f.steps()).hasSizeBetween(2, 4));
        assertThat(fades)
                .extracting(Fade::endLevel)
                .allSatisfy(level -> assertThat(level).isBetween(0.1, 0.4));
        assertThat(fades(PortfolioGenerator.generate(PortfolioScenario.smbNoisy(1))))
                .extracting(Fade::days)
                .allSatisfy(d -> assertThat(d).isBetween(28, 42));
    }

    @Test
    void holidaysDropTheWholePortfolio() {
        assertThat(fixture.portfolio.holidays()).hasSize(1);
        HolidayPeriod holiday = fixture.portfolio.holidays().get(0);
        assertThat(holiday.days()).isBetween(5, 10);
        assertThat(holiday.factor()).isBetween(0.3, 0.6);
        double inside =
                weekdayMean(fixture.portfolioPerDay, holiday.from(), holiday.to().plusDays(1));
        double before =
                weekdayMean(fixture.portfolioPerDay, holiday.from().minusDays(14), holiday.from());
        assertThat(inside / before).isCloseTo(holiday.factor(), Offset.offset(0.1));
        // Every account that had steady traffic before uses the product less on these days.
        int dropped = 0;
        int judged = 0;
        for (Account account : fixture.portfolio.accounts()) {
            long[] perDay = fixture.eventsPerDay.get(account.tenantId());
            double usual = weekdayMean(perDay, holiday.from().minusDays(14), holiday.from());
            if (usual < 30 || !active(account, holiday.from().minusDays(14), holiday.to())) {
                continue;
            }
            judged++;
            if (weekdayMean(perDay, holiday.from(), holiday.to().plusDays(1)) < 0.8 * usual) {
                dropped++;
            }
        }
        assertThat(judged).isGreaterThan(40);
        assertThat(dropped).isGreaterThanOrEqualTo(judged * 9 / 10);
    }

    @Test
    void twoHolidayPeriodsNeverOverlapAndComeAfterFourWeeks() {
        for (long seed = 1; seed <= 20; seed++) {
            List<HolidayPeriod> holidays =
                    PortfolioGenerator.generate(PortfolioScenario.holidays(seed)).holidays();
            assertThat(holidays).hasSize(2);
            assertThat(holidays.get(0).to()).isBefore(holidays.get(1).from());
            assertThat(holidays.get(0).from())
                    .isAfterOrEqualTo(PortfolioScenario.holidays(seed).firstDay().plusDays(28));
            assertThat(holidays.get(1).to()).isBeforeOrEqualTo(PortfolioScenario.DEFAULT_END);
        }
    }

    @Test
    void blipAccountsHaveExactlyOneLowWeek() {
        List<Account> blips = fixture.accountsOf(UsagePattern.BLIP);
        assertThat(blips).isNotEmpty();
        for (Account account : blips) {
            String tenant = account.tenantId();
            Dip blip =
                    fixture.behaviour(tenant).effects().stream()
                            .filter(
                                    e ->
                                            e instanceof Dip dip
                                                    && dip.factor() < 0.61
                                                    && dip.to().equals(dip.from().plusDays(6)))
                            .map(Dip.class::cast)
                            .filter(
                                    dip ->
                                            dip.from()
                                                    .toString()
                                                    .equals(account.attributes().get("blipFrom")))
                            .findFirst()
                            .orElseThrow();
            assertThat(blip.from())
                    .isAfterOrEqualTo(
                            fixture.portfolio.firstDay().plusDays(PortfolioScenario.BASELINE_DAYS));
            long[] perDay = fixture.eventsPerDay.get(tenant);
            // Rolling weeks from the end of the baseline, leaving out those with a holiday.
            List<Long> weeks = new ArrayList<>();
            List<LocalDate> starts = new ArrayList<>();
            for (int start = PortfolioScenario.BASELINE_DAYS - 7;
                    start + 7 <= fixture.days;
                    start++) {
                LocalDate from = fixture.portfolio.firstDay().plusDays(start);
                if (from.datesUntil(from.plusDays(7)).anyMatch(fixture::holiday)) {
                    continue;
                }
                weeks.add(Arrays.stream(perDay, start, start + 7).sum());
                starts.add(from);
            }
            double median = weeks.stream().sorted().toList().get(weeks.size() / 2);
            for (int i = 0; i < weeks.size(); i++) {
                LocalDate from = starts.get(i);
                boolean overlapsBlip =
                        !from.isAfter(blip.to()) && !from.plusDays(6).isBefore(blip.from());
                if (!overlapsBlip) {
                    assertThat(weeks.get(i) / median)
                            .as(tenant + " week from " + from)
                            .isGreaterThan(0.7);
                } else if (from.equals(blip.from())) {
                    assertThat(weeks.get(i) / median)
                            .as(tenant + " blip week")
                            .isCloseTo(blip.factor(), Offset.offset(0.15));
                }
            }
        }
    }

    @Test
    void smallAccountsNeverExceedFiveUsers() {
        List<Account> small = fixture.accountsOf(UsagePattern.SMALL);
        assertThat(small).isNotEmpty();
        for (Account account : small) {
            assertThat(fixture.users.get(account.tenantId()))
                    .as(account.tenantId())
                    .hasSizeBetween(1, 5);
            assertThat(account.plan()).isEqualTo("starter");
            assertThat(account.licensedSeats()).isBetween(3L, 8L);
        }
    }

    @Test
    void rampUpAccountsHaveNoEventsBeforeTheirStartAndGrow() {
        List<Account> rampUps = fixture.accountsOf(UsagePattern.RAMP_UP);
        assertThat(rampUps).isNotEmpty();
        LocalDate first = fixture.portfolio.firstDay();
        for (Account account : rampUps) {
            String tenant = account.tenantId();
            RampUp rampUp = fixture.behaviour(tenant).effect(RampUp.class).orElseThrow();
            assertThat(account.attributes()).containsEntry("startedAt", rampUp.start().toString());
            assertThat(rampUp.start()).isBetween(first, first.plusDays(60));
            assertThat(rampUp.days()).isBetween(21, 42);
            assertThat(fixture.events(tenant, first, rampUp.start())).as(tenant).isZero();
            long firstWeek = fixture.events(tenant, rampUp.start(), rampUp.start().plusDays(7));
            long later =
                    fixture.events(
                            tenant,
                            rampUp.start().plusDays(rampUp.days() + 7L),
                            rampUp.start().plusDays(rampUp.days() + 14L));
            assertThat(firstWeek).as(tenant).isLessThan(later / 2);
            assertThat(account.renewalDate()).isEqualTo(rampUp.start().plusYears(1));
        }
    }

    @Test
    void expandingAccountsUseMoreThanNinetyPercentOfTheirSeatsNearTheEnd() {
        List<Account> expanding = fixture.accountsOf(UsagePattern.EXPANDING);
        assertThat(expanding).isNotEmpty();
        for (Account account : expanding) {
            assertThat(fixture.usersInLast14Days.get(account.tenantId()).size())
                    .as(account.tenantId())
                    .isGreaterThan((int) (0.9 * account.licensedSeats()));
            Growth growth =
                    fixture.behaviour(account.tenantId()).effect(Growth.class).orElseThrow();
            assertThat(growth.to()).isAfter(fixture.portfolio.lastDay().minusDays(15));
        }
    }

    @Test
    void cyclicalAccountsPeakAtTheEndOfEachMonthOrQuarter() {
        for (UsagePattern pattern :
                List.of(UsagePattern.CYCLICAL_MONTH_END, UsagePattern.CYCLICAL_QUARTERLY)) {
            List<Account> cyclical = fixture.accountsOf(pattern);
            assertThat(cyclical).as(pattern.label()).isNotEmpty();
            for (Account account : cyclical) {
                PeriodEndPeak peak =
                        fixture.behaviour(account.tenantId())
                                .effect(PeriodEndPeak.class)
                                .orElseThrow();
                long[] perDay = fixture.eventsPerDay.get(account.tenantId());
                double peakDays = 0;
                double otherDays = 0;
                int peaks = 0;
                int others = 0;
                for (int i = 0; i < fixture.days; i++) {
                    LocalDate day = fixture.portfolio.firstDay().plusDays(i);
                    if (weekend(day) || fixture.holiday(day)) {
                        continue;
                    }
                    if (peak.peaksOn(day)) {
                        peakDays += perDay[i];
                        peaks++;
                    } else {
                        otherDays += perDay[i];
                        others++;
                    }
                }
                assertThat((peakDays / peaks) / (otherDays / others))
                        .as(account.tenantId())
                        .isCloseTo(peak.factor(), Offset.offset(0.25 * peak.factor()));
            }
        }
    }

    @Test
    void outcomesFollowTheStories() {
        LabelledPortfolio standard = PortfolioGenerator.generate(PortfolioScenario.standard(1));
        LocalDate first = standard.firstDay();
        LocalDate last = standard.lastDay();
        Map<String, Long> outcomes =
                standard.accounts().stream()
                        .collect(Collectors.groupingBy(Account::status, Collectors.counting()));
        assertThat(outcomes)
                .containsEntry(Account.CHURNED, 24L)
                .containsKeys(Account.RENEWED, Account.ACTIVE);
        for (Account account : standard.accounts()) {
            boolean fading = account.attributes().get("pattern").equals("fade");
            assertThat(account.churned()).as(account.tenantId()).isEqualTo(fading);
            switch (account.status()) {
                case Account.CHURNED -> {
                    assertThat(account.churnedAt()).isBetween(first, last);
                    assertThat(account.renewedAt()).isNull();
                    assertThat(account.renewalDate())
                            .isBetween(account.churnedAt(), account.churnedAt().plusDays(30));
                }
                case Account.RENEWED -> {
                    assertThat(account.churnedAt()).isNull();
                    assertThat(account.renewedAt()).isBetween(first, last);
                    assertThat(account.renewalDate()).isEqualTo(account.renewedAt().plusYears(1));
                }
                default -> {
                    assertThat(account.status()).isEqualTo(Account.ACTIVE);
                    assertThat(account.renewedAt()).isNull();
                    // A year after the contract started: before the history, or when a new
                    // account started, up to 60 days into it.
                    assertThat(account.renewalDate())
                            .isAfter(last)
                            .isBeforeOrEqualTo(first.plusYears(1).plusDays(60));
                }
            }
        }
    }

    @Test
    void everyManagerHasAboutTwentyFiveAccounts() {
        LabelledPortfolio standard = PortfolioGenerator.generate(PortfolioScenario.standard(1));
        Map<String, Long> perOwner =
                standard.accounts().stream()
                        .collect(Collectors.groupingBy(Account::owner, Collectors.counting()));
        assertThat(perOwner).hasSize(8).containsKey("sarah.chen@demo.pulse.dev");
        assertThat(perOwner.values()).containsOnly(25L);
        assertThat(PortfolioGenerator.managers(300)).isEqualTo(12);
        assertThat(PortfolioGenerator.managers(3)).isEqualTo(1);
    }

    @Test
    void presetsDifferAndTakeAnySeed() {
        List<PortfolioScenario> presets =
                PortfolioScenario.PRESETS.stream()
                        .map(name -> PortfolioScenario.preset(name, 1))
                        .toList();
        Set<PortfolioScenario> withoutNames = new HashSet<>();
        for (PortfolioScenario preset : presets) {
            withoutNames.add(
                    new PortfolioScenario(
                            "any",
                            1,
                            preset.accounts(),
                            preset.days(),
                            preset.end(),
                            preset.churnShare(),
                            preset.patternShares(),
                            preset.fadeMinDays(),
                            preset.fadeMaxDays(),
                            preset.holidayPeriods(),
                            preset.plans(),
                            preset.volumeScale()));
            LabelledPortfolio one = PortfolioGenerator.generate(preset.withSeed(42));
            LabelledPortfolio two = PortfolioGenerator.generate(preset.withSeed(43));
            assertThat(one.accounts()).hasSize(preset.accounts()).isNotEqualTo(two.accounts());
            assertThat(one.holidays()).hasSize(preset.holidayPeriods());
            assertThat(one.patternCounts().get(UsagePattern.FADE))
                    .isEqualTo((int) Math.round(preset.churnShare() * preset.accounts()));
        }
        assertThat(withoutNames).hasSize(4);
        assertThat(PortfolioScenario.holidays(1).holidayPeriods()).isEqualTo(2);
        assertThat(
                        PortfolioScenario.holidays(1)
                                .patternShares()
                                .get(UsagePattern.CYCLICAL_MONTH_END))
                .isGreaterThan(
                        PortfolioScenario.standard(1)
                                .patternShares()
                                .get(UsagePattern.CYCLICAL_MONTH_END));
        assertThat(PortfolioScenario.smbNoisy(1).fadeMaxDays()).isEqualTo(42);
        assertThat(
                        PortfolioGenerator.generate(PortfolioScenario.smbNoisy(1))
                                .patternCounts()
                                .get(UsagePattern.SMALL))
                .isGreaterThan(80);
    }

    @Test
    void aStandardPortfolioStaysUnderThreeMillionEventsAndScalesWithVolume() {
        PortfolioScenario standard = PortfolioScenario.standard(1);
        long events = PortfolioGenerator.generate(standard).expectedEvents();
        assertThat(events).isBetween(1_500_000L, 3_000_000L);
        long half = PortfolioGenerator.generate(standard.withVolumeScale(0.5)).expectedEvents();
        assertThat(half / (double) events).isCloseTo(0.5, Offset.offset(0.02));
        assertThat(fixture.events / (double) fixture.portfolio.expectedEvents())
                .isCloseTo(1, Offset.offset(0.02));
    }

    @Test
    void refusesScenariosItCannotHonour() {
        PortfolioScenario standard = PortfolioScenario.standard(1);
        assertThatThrownBy(() -> standard.withDays(60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days must be 64");
        assertThatThrownBy(() -> PortfolioScenario.preset("huge", 1))
                .hasMessageContaining("standard, holidays, smb-noisy, enterprise");
        assertThatThrownBy(() -> standard.withHolidayPeriods(3)).hasMessageContaining("0–2");
        assertThatThrownBy(
                        () ->
                                new PortfolioScenario(
                                        "x",
                                        1,
                                        10,
                                        100,
                                        PortfolioScenario.DEFAULT_END,
                                        0.1,
                                        Map.of(UsagePattern.FADE, 1.0),
                                        28,
                                        42,
                                        0,
                                        standard.plans(),
                                        1))
                .hasMessageContaining("churnShare");
    }

    private static List<Fade> fades(LabelledPortfolio portfolio) {
        return portfolio.behaviours().stream()
                .map(b -> b.effect(Fade.class))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private double perDay(String tenant, LocalDate from, LocalDate to) {
        return fixture.events(tenant, from, to) / (double) (to.toEpochDay() - from.toEpochDay());
    }

    private double weekdayMean(long[] perDay, LocalDate from, LocalDate to) {
        double sum = 0;
        int weekdays = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (!weekend(day)) {
                sum += perDay[fixture.index(day)];
                weekdays++;
            }
        }
        return sum / weekdays;
    }

    private boolean active(Account account, LocalDate from, LocalDate to) {
        TenantBehaviour behaviour = fixture.behaviour(account.tenantId());
        boolean churnsInside =
                account.churnedAt() != null && !account.churnedAt().isAfter(to.plusDays(1));
        boolean fadingInside =
                behaviour.effect(Fade.class).map(f -> !f.start().isAfter(to)).orElse(false);
        boolean startsInside =
                behaviour
                        .effect(RampUp.class)
                        .map(r -> r.start().plusDays(r.days()).isAfter(from))
                        .orElse(false);
        boolean blipInside =
                account.attributes().containsKey("blipFrom")
                        && !LocalDate.parse(account.attributes().get("blipFrom")).isAfter(to)
                        && !LocalDate.parse(account.attributes().get("blipFrom"))
                                .plusDays(6)
                                .isBefore(from);
        boolean cyclical = behaviour.effect(PeriodEndPeak.class).isPresent();
        return !churnsInside && !fadingInside && !startsInside && !blipInside && !cyclical;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static long checksum(LabelledPortfolio portfolio) {
        long[] hash = {17};
        portfolio.forEachEvent(
                event ->
                        hash[0] =
                                31 * hash[0]
                                        + event.eventId().hashCode() * 7L
                                        + event.userId().hashCode()
                                        + event.timestamp().toEpochMilli()
                                        + event.type().hashCode());
        return hash[0];
    }

    private record IntSummary(int min, int max) {
        static IntSummary of(List<Integer> values) {
            return new IntSummary(
                    values.stream().mapToInt(Integer::intValue).min().orElseThrow(),
                    values.stream().mapToInt(Integer::intValue).max().orElseThrow());
        }
    }
}
