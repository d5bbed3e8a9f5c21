package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyEventGeneratorTest {
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");
    private static final Instant TUESDAY_10 = Instant.parse("2026-11-17T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(ANCHOR, ZoneOffset.UTC);
    private final DemoCustomerBase base = DemoCustomerBase.generate(11, 150, ANCHOR);

    @Test
    void sameSeedGivesTheSameRecords() {
        List<SimulatedRecord> first = new HourlyEventGenerator(base, 11).hour(TUESDAY_10);
        List<SimulatedRecord> second = new HourlyEventGenerator(base, 11).hour(TUESDAY_10);
        assertThat(first).hasSameSizeAs(second).hasSizeGreaterThan(500);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).tenantId()).isEqualTo(first.get(i).tenantId());
            assertThat(second.get(i).timestampMs()).isEqualTo(first.get(i).timestampMs());
            assertThat(second.get(i).json()).isEqualTo(first.get(i).json());
        }
        assertThat(new HourlyEventGenerator(base, 12).hour(TUESDAY_10).get(0).json())
                .isNotEqualTo(first.get(0).json());
    }

    @Test
    void anHourDoesNotDependOnTheHoursGeneratedBeforeIt() {
        HourlyEventGenerator fresh = new HourlyEventGenerator(base, 11);
        HourlyEventGenerator used = new HourlyEventGenerator(base, 11);
        used.hour(TUESDAY_10.minus(Duration.ofDays(3)));
        used.hour(TUESDAY_10.plus(Duration.ofHours(5)));
        assertThat(used.hour(TUESDAY_10))
                .extracting(SimulatedRecord::json)
                .containsExactlyElementsOf(
                        fresh.hour(TUESDAY_10).stream().map(SimulatedRecord::json).toList());
    }

    @Test
    void workingHoursCarryMoreThanTheNight() {
        HourlyEventGenerator generator = new HourlyEventGenerator(base, 11);
        int night = generator.hour(Instant.parse("2026-11-17T02:00:00Z")).size();
        int morning = generator.hour(TUESDAY_10).size();
        assertThat(morning).isGreaterThan(4 * night);
    }

    @Test
    void recordsOfAnHourAreKeyedByTheirTenantAndSentWithinTheHour() {
        List<SimulatedRecord> records = new HourlyEventGenerator(base, 11).hour(TUESDAY_10);
        long start = TUESDAY_10.toEpochMilli();
        assertThat(records)
                .allSatisfy(
                        record -> {
                            assertThat(record.sentAtMs()).isBetween(start, start + 3_599_999);
                            if (record.kind() != RecordKind.MALFORMED) {
                                assertThat(record.json())
                                        .contains("\"tenantId\":\"" + record.tenantId() + "\"");
                            }
                        });
        List<Long> sendOrder =
                new ArrayList<>(records.stream().map(SimulatedRecord::sentAtMs).toList());
        assertThat(sendOrder).isSorted();
    }

    @Test
    void expectedRecordsIsCloseToWhatIsGenerated() {
        HourlyEventGenerator generator = new HourlyEventGenerator(base, 11);
        Instant from = Instant.parse("2026-11-16T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        long generated = 0;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            generated += generator.hour(hour).size();
        }
        assertThat(generator.expectedRecords(from, to))
                .isCloseTo(generated, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void fadingTenantsGoOnFadingAfterTheAnchorAndStopOnTheirChurnDate() {
        HourlyEventGenerator generator = new HourlyEventGenerator(base, 11);
        for (String tenant : base.tenantsOf(UsagePattern.FADE)) {
            LocalDate churn = base.plannedChurn(tenant).orElseThrow();
            long weekBefore = events(generator, tenant, churn.minusDays(7), churn);
            long weekAfter = events(generator, tenant, churn, churn.plusDays(7));
            long fourWeeksBeforeTheAnchor =
                    events(generator, tenant, TODAY.minusDays(28), TODAY.minusDays(21));
            assertThat(weekBefore).as(tenant).isPositive().isLessThan(fourWeeksBeforeTheAnchor);
            assertThat(weekAfter).as(tenant).isZero();
        }
    }

    @Test
    void cleanEventsAreTheRecordsWithoutFaultsOrUnknownFields() {
        HourlyEventGenerator generator = new HourlyEventGenerator(base, 11);
        List<UsageEvent> events = generator.events(TUESDAY_10);
        List<UsageEvent> records =
                generator.hour(TUESDAY_10).stream()
                        .filter(record -> record.kind() == RecordKind.EVENT)
                        .map(
                                record ->
                                        UsageEventParser.parse(
                                                record.value(),
                                                TUESDAY_10.plus(Duration.ofHours(1))))
                        .toList();
        assertThat(events).hasSizeGreaterThan(records.size() * 99 / 100).containsAll(records);
        assertThat(events).extracting(UsageEvent::timestamp).isSorted();
        assertThat(events).extracting(UsageEvent::eventId).doesNotHaveDuplicates();
    }

    private static long events(
            HourlyEventGenerator generator, String tenant, LocalDate from, LocalDate to) {
        long count = 0;
        for (Instant hour = from.atStartOfDay(ZoneOffset.UTC).toInstant();
                hour.isBefore(to.atStartOfDay(ZoneOffset.UTC).toInstant());
                hour = hour.plus(Duration.ofHours(1))) {
            count +=
                    generator.events(hour).stream()
                            .filter(e -> e.tenantId().equals(tenant))
                            .count();
        }
        return count;
    }

    @Test
    void refusesAnInstantThatIsNotTheStartOfAnHour() {
        HourlyEventGenerator generator = new HourlyEventGenerator(base, 11);
        assertThatThrownBy(() -> generator.hour(TUESDAY_10.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the start of an hour");
    }
}
