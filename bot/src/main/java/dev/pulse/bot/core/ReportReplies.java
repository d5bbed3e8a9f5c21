package dev.pulse.bot.core;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.ExportOrigin;
import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.reports.PortfolioSelection;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.access.reports.Reports;
import dev.pulse.bot.command.ReportFormat;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ReplyFile;
import dev.pulse.reports.RenderedReport;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.topologies.account.Account;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code report} command: the {@link Reports} use case (rights, scope, one audit entry per
 * export, origin the chat platform) rendered by {@link ReportRenderer}, as a reply carrying the
 * file. Runs on the platform adapter's worker, never on an I/O thread, like every command.
 */
final class ReportReplies {
    /** Chat reports cover the last 30 whole days, as the API's default range. */
    static final int DAYS = 30;

    private final Reports reports;
    private final ReportRenderer renderer;
    private final Clock clock;
    private final ZoneId zone;

    ReportReplies(Reports reports, ReportRenderer renderer, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.renderer = renderer;
        this.clock = clock;
        this.zone = zone;
    }

    Outcome account(Asker asker, Account account, ReportFormat format) {
        ExportFormat exportFormat = exportFormat(format);
        ReportPeriod period = period();
        return reports.accountReview(
                        asker.caller(), account.tenantId(), period, exportFormat, origin(asker))
                .map(
                        review ->
                                reply(
                                        renderer.render(review, exportFormat),
                                        "Business review of "
                                                + account.name()
                                                + ", "
                                                + period.label(),
                                        List.of(account.tenantId())))
                .orElseGet(
                        () ->
                                Outcome.status(
                                        404,
                                        "I have no data on " + account.name() + " yet.",
                                        "no review"));
    }

    Outcome portfolio(Asker asker, PortfolioSelection selection, ReportFormat format) {
        ExportFormat exportFormat = exportFormat(format);
        ReportPeriod period = period();
        PortfolioReport report =
                reports.portfolio(asker.caller(), selection, period, exportFormat, origin(asker));
        return reply(
                renderer.render(report, exportFormat),
                "Portfolio report, " + selection.describe() + ", " + period.label(),
                report.accounts().stream().map(line -> line.tenantId()).toList());
    }

    private static Outcome reply(RenderedReport file, String title, List<String> tenants) {
        BotReply reply =
                BotReply.builder()
                        .paragraph("📄 " + title + ": *" + file.fileName() + "*")
                        .build()
                        .withFile(new ReplyFile(file.fileName(), file.mediaType(), file.bytes()));
        return Outcome.ok(reply, tenants);
    }

    private ReportPeriod period() {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        return ReportPeriod.ofDays(yesterday.minusDays(DAYS - 1L), yesterday);
    }

    private static ExportOrigin origin(Asker asker) {
        return new ExportOrigin(
                asker.chat().platform().toUpperCase(java.util.Locale.ROOT),
                asker.chat().platform() + ":" + asker.chat().userId(),
                null);
    }

    private static ExportFormat exportFormat(ReportFormat format) {
        return format == ReportFormat.CSV ? ExportFormat.CSV : ExportFormat.PDF;
    }
}
