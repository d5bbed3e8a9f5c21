package dev.pulse.backfill.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-over's order: day first, then tenant, on either side of 1970. */
class TenantDayRowTest {

    @Test
    void sortsByDayThenTenant() {
        List<TenantDayRow> rows =
                List.of(
                        row("globex", "2026-05-05"),
                        row("acme", "1969-12-27"),
                        row("acme", "2026-05-05"),
                        row("zeta", "1969-12-31"),
                        row("acme", "1970-01-01"),
                        row("acme", "1969-12-31"));

        List<String> sorted =
                rows.stream()
                        .sorted(Comparator.comparing(TenantDayRow::dayOrder))
                        .map(r -> LocalDate.ofEpochDay(r.epochDay()) + " " + r.tenantId())
                        .toList();

        assertThat(sorted)
                .containsExactly(
                        "1969-12-27 acme",
                        "1969-12-31 acme",
                        "1969-12-31 zeta",
                        "1970-01-01 acme",
                        "2026-05-05 acme",
                        "2026-05-05 globex");
    }

    private static TenantDayRow row(String tenant, String day) {
        return new TenantDayRow(tenant, LocalDate.parse(day).toEpochDay(), new byte[0], 0, 0, 0);
    }
}
