package dev.pulse.access.reports;

import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Permission;
import dev.pulse.access.summary.Summaries;
import dev.pulse.access.summary.TenantPeriod;
import dev.pulse.topologies.account.Account;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The report use cases: an account's business review and a portfolio report, for any front end
 * (HTTP, chat, schedules, the command line through the API). Each checks the export right ({@link
 * Permission#EXPORT}, {@link Permission#EXPORT_PORTFOLIOS}) and the caller's scope, reads only
 * through the caller's reader, and appends one audit entry per export, refused ones included.
 */
public final class Reports {
    static final String ACCOUNT_REVIEW = "account-review";
    static final String PORTFOLIO = "portfolio-report";

    private final Clock clock;
    private final Summaries summaries;
    private final ExportAudit audit;

    /**
     * @param reads runs chunks of a portfolio's per-account reads; not the pool the caller runs on
     */
    public Reports(Clock clock, Executor reads, AuditLog auditLog) {
        this.clock = clock;
        this.summaries = new Summaries(clock, reads);
        this.audit = new ExportAudit(auditLog, clock);
    }

    /**
     * The review of one tenant; empty when the tenant is unknown. {@link AccessDeniedException}
     * when the caller may not export or the tenant is outside their scope (audited).
     */
    public Optional<AccountReview> accountReview(
            Caller caller,
            String tenantId,
            ReportPeriod period,
            ExportFormat format,
            ExportOrigin origin) {
        String parameters = "tenant=" + tenantId + parameters(period, format);
        List<String> tenants = List.of(tenantId);
        try {
            caller.require(Permission.EXPORT);
            Optional<AccountReview> review =
                    new AccountReviewReader(caller.reader())
                            .read(tenantId, period, clock.instant())
                            .map(AccountReview::withWrittenSummary);
            audit.allowed(
                    caller,
                    ACCOUNT_REVIEW,
                    format,
                    origin,
                    tenants,
                    review.isPresent() ? parameters : parameters + "; unknown tenant");
            return review;
        } catch (AccessDeniedException e) {
            audit.denied(
                    caller, ACCOUNT_REVIEW, format, origin, tenants, parameters, e.getMessage());
            throw e;
        }
    }

    /**
     * The report of the selected accounts the caller may see. An owner outside the caller's scope
     * is {@link AccessDeniedException} (audited); a team or "all" keeps what the scope allows.
     */
    public PortfolioReport portfolio(
            Caller caller,
            PortfolioSelection selection,
            ReportPeriod period,
            ExportFormat format,
            ExportOrigin origin) {
        return portfolio(caller, selection, account -> true, period, format, origin);
    }

    /**
     * As {@link #portfolio(Caller, PortfolioSelection, ReportPeriod, ExportFormat, ExportOrigin)},
     * keeping only the accounts {@code segment} keeps (the selection's segment, from {@code
     * Segments.filter}).
     */
    public PortfolioReport portfolio(
            Caller caller,
            PortfolioSelection selection,
            Predicate<Account> segment,
            ReportPeriod period,
            ExportFormat format,
            ExportOrigin origin) {
        String parameters = selection.describe() + parameters(period, format);
        try {
            caller.require(Permission.EXPORT_PORTFOLIOS);
            if (selection.owner() != null) {
                caller.requireOwners(List.of(selection.owner()));
            }
            List<Account> accounts =
                    caller.reader().accounts().stream()
                            .filter(a -> selected(a, selection))
                            .filter(segment)
                            .toList();
            List<TenantPeriod> periods =
                    summaries.periods(caller, accounts, period.from(), period.to());
            PortfolioReport report =
                    PortfolioReportBuilder.build(selection, period, clock.instant(), periods);
            audit.allowed(
                    caller,
                    PORTFOLIO,
                    format,
                    origin,
                    accounts.stream().map(Account::tenantId).toList(),
                    parameters);
            return report;
        } catch (AccessDeniedException e) {
            audit.denied(caller, PORTFOLIO, format, origin, List.of(), parameters, e.getMessage());
            throw e;
        }
    }

    /** The export right alone, for front ends that export lists they already read (CSV). */
    public static void requireExport(Caller caller) {
        caller.require(Permission.EXPORT);
    }

    private static boolean selected(Account account, PortfolioSelection selection) {
        if (selection.owner() != null) {
            return selection.owner().equalsIgnoreCase(account.owner());
        }
        if (selection.team() != null) {
            return selection.team().equalsIgnoreCase(account.team());
        }
        return true;
    }

    private static String parameters(ReportPeriod period, ExportFormat format) {
        return ", from=" + period.from() + ", to=" + period.to() + ", format=" + format.label();
    }
}
