package dev.pulse.access.funnels;

import dev.pulse.topologies.funnel.Funnel;
import java.time.Instant;
import java.util.List;

/**
 * A funnel over {@code [from, to)}: for one tenant (with the caller's portfolio beside it), or for
 * a set of accounts.
 *
 * @param tenant the tenant, or null for a set of accounts
 * @param segment what narrowed the set of accounts (a saved segment's id), or null
 * @param accounts how many accounts the steps sum (1 for a tenant)
 * @param steps the funnel's steps for the tenant or the set
 * @param portfolio the same funnel over every account the caller sees; null for a set
 * @param stallStep the step where the tenant's users stall most against the portfolio; null when
 *     nothing stands out, and for a set
 * @param tenantIds every tenant whose tallies the report read, for the audit log
 */
public record FunnelReport(
        Funnel funnel,
        String tenant,
        String segment,
        Instant from,
        Instant to,
        int accounts,
        List<StepResult> steps,
        List<StepResult> portfolio,
        String stallStep,
        List<String> tenantIds) {}
