package dev.pulse.access.security;

import dev.pulse.streams.read.AlertTransition;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one authorization layer: a {@link TenantStateReader} that only ever returns what its {@link
 * AccessScope} allows. Every front end (HTTP API, bots, exports) reads through one of these, made
 * per caller, so none of them can forget a check.
 *
 * <p>A read of one tenant outside the scope throws {@link AccessDeniedException} <em>before</em>
 * the delegate is touched, so a denial reveals nothing, not even whether the tenant exists or is
 * reachable. Reads of many tenants ({@link #currentScores}, {@link #journeys}, {@link #accounts})
 * are aggregate views and silently keep only the allowed tenants.
 */
public final class AuthorizedStateReader implements TenantStateReader {
    private final TenantStateReader delegate;
    private final AccessScope scope;

    public AuthorizedStateReader(TenantStateReader delegate, AccessScope scope) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    public AccessScope scope() {
        return scope;
    }

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        check(tenantId);
        return delegate.currentScore(tenantId);
    }

    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        List<String> allowed = allowed(tenantIds);
        return allowed.isEmpty() ? Map.of() : delegate.currentScores(allowed);
    }

    /** Like {@link #currentScores}: only allowed tenants reach the delegate; others are absent. */
    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        List<String> allowed = allowed(tenantIds);
        return allowed.isEmpty() ? Map.of() : delegate.journeys(allowed);
    }

    /**
     * Journey states of directory accounts already in hand, checked by their records like {@link
     * #currentScoresOf}: an aggregate over 500 accounts costs no account reads.
     */
    public Map<String, JourneyState> journeysOf(Collection<Account> accounts) {
        return accounts.isEmpty() ? Map.of() : delegate.journeys(checked(accounts));
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        check(tenantId);
        return delegate.dailyScores(tenantId, from, to);
    }

    /**
     * Current scores of directory accounts already in hand, checked by their records ({@link
     * AccessScope#allowsAccount}) rather than by reading each account again: a portfolio of 30
     * accounts costs no account reads.
     */
    public Map<String, HealthScore> currentScoresOf(Collection<Account> accounts) {
        return delegate.currentScores(checked(accounts));
    }

    @Override
    public List<FunnelDay> funnelDays(String tenantId, Instant from, Instant to) {
        check(tenantId);
        return delegate.funnelDays(tenantId, from, to);
    }

    /** An aggregate view, as {@link #currentScores}: only the allowed tenants are read. */
    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        List<String> allowed = allowed(tenantIds);
        return allowed.isEmpty() ? Map.of() : delegate.funnelDays(allowed, from, to);
    }

    /**
     * Funnel days of directory accounts already in hand, checked by their records as {@link
     * #currentScoresOf} checks them.
     */
    public Map<String, List<FunnelDay>> funnelDaysOf(
            Collection<Account> accounts, Instant from, Instant to) {
        return accounts.isEmpty() ? Map.of() : delegate.funnelDays(checked(accounts), from, to);
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        check(tenantId);
        return delegate.engagement(tenantId, granularity, from, to);
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        check(tenantId);
        return delegate.engagementTotals(tenantId, from, to);
    }

    @Override
    public List<EngagementTotals> engagementTotalsSince(
            String tenantId, List<Instant> froms, Instant to) {
        check(tenantId);
        return delegate.engagementTotalsSince(tenantId, froms, to);
    }

    @Override
    public Optional<Account> account(String tenantId) {
        check(tenantId);
        Optional<Account> checked = scope.accountReadForCheck(tenantId);
        return checked.isPresent() ? checked : delegate.account(tenantId);
    }

    @Override
    public List<Account> accounts() {
        return visible(delegate.accounts());
    }

    @Override
    public List<Account> accountsOwnedBy(Collection<String> owners) {
        return visible(delegate.accountsOwnedBy(owners));
    }

    private List<Account> visible(List<Account> accounts) {
        return scope.isUnlimited()
                ? accounts
                : accounts.stream().filter(scope::allowsAccount).toList();
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        check(tenantId);
        return delegate.alerts(tenantId);
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        check(tenantId);
        return delegate.alert(tenantId, ruleId);
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        check(tenantId);
        return delegate.alertHistory(tenantId, from, to);
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        check(tenantId);
        return delegate.followUps(tenantId);
    }

    private List<String> allowed(Collection<String> tenantIds) {
        return tenantIds.stream().filter(t -> t != null && scope.allowsTenant(t)).toList();
    }

    /** The accounts' tenant ids, once each account is allowed by its record or its tenant. */
    private List<String> checked(Collection<Account> accounts) {
        for (Account account : accounts) {
            if (!scope.allowsAccount(account)) {
                check(account.tenantId());
            }
        }
        return accounts.stream().map(Account::tenantId).toList();
    }

    private void check(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (!scope.allowsTenant(tenantId)) {
            throw new AccessDeniedException(
                    "tenant '" + tenantId + "' is outside your scope (" + scope.describe() + ")");
        }
    }
}
