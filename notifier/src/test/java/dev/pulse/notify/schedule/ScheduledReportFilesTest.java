package dev.pulse.notify.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.segments.Segment;
import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.testing.InMemorySegmentStore;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.access.testing.Scores;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.ReportRun;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.topologies.health.HealthModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A run whose owner left the directory: no caller can be built for them, so the run is refused
 * here, recorded in the audit log like every other refused export, and never retried. A run
 * narrowed to a segment holds the segment's accounts at the run; one whose segment was deleted
 * since is refused for good.
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
                        clock,
                        null);
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
                        "Weekly report: account acme",
                        null);

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

    @Test
    void aRunNarrowedToASegmentHoldsItsAccountsAndIsRefusedOnceTheSegmentIsGone() throws Exception {
        String admin = "admin@x.test";
        UserDirectory directory =
                UserDirectory.of(
                        List.of(
                                new DirectoryUser(
                                        admin, "Admin", Role.ADMIN, ScopeSpec.ALL, null, null)));
        InMemoryState state = new InMemoryState();
        state.accounts.add(Scores.account("acme", "Acme", "sarah@x.test"));
        state.accounts.add(Scores.account("wayne", "Wayne", "marc@x.test"));
        InMemorySegmentStore store = new InMemorySegmentStore();
        store.save(
                new Segment(
                        "seg-0000000000aa",
                        "Sarah's",
                        null,
                        SegmentCriteria.ANY.withOwners(List.of("sarah@x.test")),
                        admin,
                        NOW,
                        NOW));
        ScheduledReportFiles files =
                new ScheduledReportFiles(
                        directory,
                        new AccessPolicy(directory, state::account),
                        state,
                        new Reports(clock, Runnable::run, audit),
                        new ReportRenderer(new HealthModel.Bands(70, 40)),
                        audit,
                        clock,
                        new Segments(store, clock));

        ReportFiles.ReportFile file = files.file(teamRun("rs-seg", "seg-0000000000aa"));

        String accounts = entry(file.bytes(), "accounts.csv");
        assertThat(accounts).contains("acme").doesNotContain("wayne");
        assertThat(audited).last().satisfies(e -> assertThat(e.tenants()).containsExactly("acme"));

        store.delete("seg-0000000000aa");
        DeliveryException refused =
                catchThrowableOfType(
                        DeliveryException.class,
                        () -> files.file(teamRun("rs-seg-2", "seg-0000000000aa")));
        assertThat(refused.permanent()).isTrue();
        assertThat(refused).hasMessageContaining("seg-0000000000aa, which no longer exists");
    }

    /** One file of the zip a portfolio CSV report is. */
    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the report");
    }

    private static ReportRun teamRun(String scheduleId, String segment) {
        return new ReportRun(
                scheduleId,
                NOW,
                "team",
                null,
                null,
                "emea",
                "csv",
                LocalDate.parse("2026-11-16"),
                LocalDate.parse("2026-11-22"),
                "admin@x.test",
                "Weekly report: team emea in segment " + segment,
                segment);
    }
}
