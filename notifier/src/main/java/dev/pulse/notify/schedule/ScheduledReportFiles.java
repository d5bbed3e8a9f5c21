package dev.pulse.notify.schedule;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.ExportOrigin;
import dev.pulse.access.reports.PortfolioSelection;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.segments.UnknownSegmentException;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.ReportRun;
import dev.pulse.reports.RenderedReport;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * Renders a scheduled run through the {@link Reports} use case as the schedule's owner (their role
 * and scope today, from the user directory) and {@link ReportRenderer}. A refusal is audited by the
 * use case and fails the delivery for good; the run is not delivered. A run narrowed to a segment
 * holds the segment's accounts as {@link Segments#filter} finds them at the run; a segment deleted
 * since fails the delivery for good.
 *
 * <p>E-mail and chat deliver the same run on their own workers at about the same time: the file is
 * kept for a few minutes per run, so it is rendered, and audited as an export, once.
 */
public final class ScheduledReportFiles implements ReportFiles {
    static final String ORIGIN = "SCHEDULE";

    private final UserDirectory directory;
    private final AccessPolicy policy;
    private final TenantStateReader reader;
    private final Reports reports;
    private final ReportRenderer renderer;
    private final AuditLog audit;
    private final Clock clock;
    private final Segments segments;
    private final Cache<String, ReportFile> recent =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(200).build();

    /**
     * @param reader the unchecked reader; only ever used inside the owner's {@link Caller}
     * @param audit where a run of a person no longer in the directory is recorded as refused (the
     *     use case records every other refusal, with the person's role)
     * @param segments the saved segments runs may be narrowed to; null where none are kept
     */
    public ScheduledReportFiles(
            UserDirectory directory,
            AccessPolicy policy,
            TenantStateReader reader,
            Reports reports,
            ReportRenderer renderer,
            AuditLog audit,
            Clock clock,
            Segments segments) {
        this.segments = segments;
        this.audit = audit;
        this.clock = clock;
        this.directory = directory;
        this.policy = policy;
        this.reader = reader;
        this.reports = reports;
        this.renderer = renderer;
    }

    @Override
    public ReportFile file(ReportRun run) throws DeliveryException {
        try {
            return recent.get(run.runId(), id -> render(run));
        } catch (Refused e) {
            throw DeliveryException.permanent(e.getMessage(), e);
        } catch (StateUnavailableException e) {
            throw DeliveryException.transientFailure(
                    "report " + run.runId() + ": " + e.getMessage(), e);
        } catch (CompletionException | IllegalStateException e) {
            throw DeliveryException.transientFailure(
                    "report " + run.runId() + " could not be rendered: " + e.getMessage(), e);
        }
    }

    private ReportFile render(ReportRun run) {
        DirectoryUser owner = directory.find(run.runAs()).orElse(null);
        if (owner == null) {
            String why =
                    "schedule "
                            + run.scheduleId()
                            + " belongs to "
                            + run.runAs()
                            + ", who is no longer in the directory";
            audit.append(
                    new AuditEntry(
                            clock.instant(),
                            run.runAs(),
                            "none",
                            "EXPORT",
                            "export " + run.report() + " " + run.format() + " via " + ORIGIN,
                            run.tenant() == null ? List.of() : List.of(run.tenant()),
                            false,
                            403,
                            "schedule " + run.scheduleId(),
                            run.runId(),
                            why));
            throw new Refused(why);
        }
        Caller caller = Caller.of(owner.principal("schedule"), policy, reader);
        ReportPeriod period = ReportPeriod.ofDays(run.firstDay(), run.lastDay());
        ExportFormat format = ExportFormat.fromLabel(run.format());
        ExportOrigin origin = new ExportOrigin(ORIGIN, "schedule " + run.scheduleId(), run.runId());
        RenderedReport file;
        try {
            file =
                    switch (run.report()) {
                        case "account" ->
                                renderer.render(
                                        reports.accountReview(
                                                        caller,
                                                        run.tenant(),
                                                        period,
                                                        format,
                                                        origin)
                                                .orElseThrow(
                                                        () ->
                                                                new Refused(
                                                                        "account "
                                                                                + run.tenant()
                                                                                + " no longer"
                                                                                + " exists")),
                                        format);
                        case "portfolio", "team" ->
                                renderer.render(
                                        reports.portfolio(
                                                caller,
                                                (run.team() != null
                                                                ? PortfolioSelection.team(
                                                                        run.team())
                                                                : PortfolioSelection.owner(
                                                                        run.owner()))
                                                        .withSegment(run.segment()),
                                                segmentOf(caller, run),
                                                period,
                                                format,
                                                origin),
                                        format);
                        default -> throw new Refused("unknown report kind " + run.report());
                    };
        } catch (AccessDeniedException e) {
            throw new Refused(
                    "schedule "
                            + run.scheduleId()
                            + " refused at its run (audited): "
                            + run.runAs()
                            + " may no longer export it: "
                            + e.getMessage());
        }
        return new ReportFile(file.fileName(), file.mediaType(), file.bytes());
    }

    /** The accounts of the run's segment as it holds them now; all when it names none. */
    private Predicate<Account> segmentOf(Caller caller, ReportRun run) {
        if (run.segment() == null) {
            return account -> true;
        }
        try {
            if (segments == null) {
                throw new UnknownSegmentException(run.segment());
            }
            return segments.filter(caller, run.segment());
        } catch (UnknownSegmentException e) {
            throw new Refused(
                    "schedule "
                            + run.scheduleId()
                            + " is narrowed to segment "
                            + run.segment()
                            + ", which no longer exists; cancel the schedule or make a new one");
        }
    }

    /** The run may not or cannot be rendered, now or later. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
