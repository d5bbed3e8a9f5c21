package dev.pulse.access.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.topologies.json.PulseJson;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schedule narrowed to a saved segment: kept on the topic, and only for reports over accounts.
 */
class ReportScheduleSegmentTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keepsItsSegmentThroughTheTopicsJsonAndNamesItInItsSelection() throws Exception {
        ReportSchedule team = schedule(ReportKind.TEAM, null, "EMEA", "seg-1a2b3c4d5e6f");

        ReportSchedule read =
                PulseJson.mapper()
                        .readValue(
                                PulseJson.mapper().writeValueAsString(team), ReportSchedule.class);

        assertThat(read).isEqualTo(team);
        assertThat(read.selection().segment()).isEqualTo("seg-1a2b3c4d5e6f");
        assertThat(read.describeWhat()).isEqualTo("team EMEA in segment seg-1a2b3c4d5e6f");
    }

    @Test
    void readsASchedulesJsonFromBeforeSegmentsAsNarrowedToNone() throws Exception {
        String old =
                PulseJson.mapper()
                        .writeValueAsString(schedule(ReportKind.TEAM, null, "EMEA", null))
                        .replace(",\"segment\":null", "");

        ReportSchedule read = PulseJson.mapper().readValue(old, ReportSchedule.class);

        assertThat(read.segment()).isNull();
        assertThat(read.selection().segment()).isNull();
    }

    @Test
    void refusesASegmentOnAnAccountReport() {
        assertThatThrownBy(() -> schedule(ReportKind.ACCOUNT, "acme", null, "seg-1a2b3c4d5e6f"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("segment")
                .hasMessageContaining("only for portfolio and team reports");
    }

    private static ReportSchedule schedule(
            ReportKind kind, String tenant, String team, String segment) {
        return new ReportSchedule(
                "rs-1",
                kind,
                tenant,
                null,
                team,
                Cadence.WEEKLY,
                DayOfWeek.MONDAY,
                null,
                LocalTime.parse("08:00"),
                "Europe/Berlin",
                ExportFormat.CSV,
                List.of("email"),
                7,
                "sarah@pulse.test",
                CREATED,
                segment);
    }
}
