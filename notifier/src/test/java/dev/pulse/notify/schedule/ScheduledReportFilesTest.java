package dev.pulse.notify.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.model.ReportRun;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.topologies.health.HealthModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A run whose owner left the directory: no caller can be built for them, so the run is refused
 * here, recorded in the audit log like every other refused export, and never retried.
 */
class ScheduledReportFilesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final AuditLog audit = audited::add;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final UserDirectory nobody = UserDirectory.of(List.of());

    @Test
    void aRunOfSomeoneWhoLeftIsRefusedForGoodAndAudited() {
        ScheduledReportFiles files =
                new ScheduledReportFiles(
                        nobody,
                        new AccessPolicy(nobody, tenant -> Optional.empty()),
                        // Never read: the run is refused before any caller exists.
                        null,
                        new Reports(clock, Runnable::run, audit),
                        new ReportRenderer(new HealthModel.Bands(70, 40)),
                        audit,
                        clock);
        ReportRun run =
                new ReportRun(
                        "rs-gone",
                        NOW,
                        "account",
                        "acme",
                        null,
                        null,
                        "pdf",
                        LocalDate.parse("2026-11-16"),
                        LocalDate.parse("2026-11-22"),
                        "left@x.test",
                        "Weekly report: account acme");

        DeliveryException refused =
                catchThrowableOfType(DeliveryException.class, () -> files.file(run));

        assertThat(refused.permanent()).isTrue();
        assertThat(refused).hasMessageContaining("no longer in the directory");
        assertThat(audited)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.allowed()).isFalse();
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.subject()).isEqualTo("left@x.test");
                            assertThat(e.method()).isEqualTo("EXPORT");
                            assertThat(e.action()).contains("via SCHEDULE");
                            assertThat(e.tenants()).containsExactly("acme");
                            assertThat(e.requestId()).isEqualTo(run.runId());
                        });
    }
}
