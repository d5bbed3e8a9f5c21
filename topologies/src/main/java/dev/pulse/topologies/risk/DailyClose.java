package dev.pulse.topologies.risk;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.health.HealthScorer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Closes one UTC day for a group of tenants: each tenant's score as of the day's end with its 7-
 * and 30-day deltas, and the at-risk decision on top. The topology calls it when stream time passes
 * a day's end, the backtest for every day of a history; both feed it the same kind of inputs, so
 * both build the same daily history.
 */
public final class DailyClose {
    /** How far back a delta may look for an end-of-day score when the exact day has none. */
    private static final int DELTA_SLACK_DAYS = 3;

    private final HealthScorer scorer;
    private final RiskDecider decider;

    public DailyClose(HealthScorer scorer) {
        this.scorer = scorer;
        this.decider = new RiskDecider(scorer.model());
    }

    public HealthModel model() {
        return scorer.model();
    }

    /**
     * One tenant's inputs.
     *
     * @param history daily engagement ending at the end of the closed day, at least {@link
     *     HealthModel#lookbackDays()} long
     * @param firstEventAt the tenant's earliest activity
     * @param lastEventBefore the tenant's latest event before the day's end when it is known for
     *     certain and older than the history reaches; may be null
     * @param endOfDay the stored end-of-day score of an earlier day, or null
     * @param previous the at-risk decisions of the days before, newest first (up to two weeks)
     */
    public record Tenant(
            String tenantId,
            Account account,
            DailyHistory history,
            Instant firstEventAt,
            Instant lastEventBefore,
            Function<LocalDate, HealthScore> endOfDay,
            List<RiskAssessment> previous) {}

    /** The end-of-day scores of the day, with their decisions, in the order of the inputs. */
    public Map<String, HealthScore> close(LocalDate day, List<Tenant> tenants) {
        Map<String, HealthScore> scores = new LinkedHashMap<>();
        List<RiskDecider.TenantDay> days = new ArrayList<>(tenants.size());
        for (Tenant tenant : tenants) {
            HealthScore score =
                    score(tenant.tenantId(), tenant.history(), tenant.account(), tenant.endOfDay())
                            .withActivity(tenant.firstEventAt(), lastActivity(tenant));
            scores.put(tenant.tenantId(), score);
            days.add(
                    new RiskDecider.TenantDay(
                            tenant.tenantId(),
                            tenant.account() == null || tenant.account().name() == null
                                    ? tenant.tenantId()
                                    : tenant.account().name(),
                            RiskReading.of(
                                    tenant.history(),
                                    decider.model(),
                                    tenant.firstEventAt() == null
                                            ? null
                                            : dayOf(tenant.firstEventAt())),
                            score,
                            tenant.previous()));
        }
        Map<String, RiskAssessment> decisions = decider.decide(day, days);
        scores.replaceAll((tenant, score) -> score.withDecision(decisions.get(tenant), model()));
        return scores;
    }

    /**
     * A tenant's score as of the history's instant, with deltas against the end-of-day scores 7 and
     * 30 days before (or the nearest earlier day within a few days). Used for current scores too.
     */
    public HealthScore score(
            String tenant,
            DailyHistory history,
            Account account,
            Function<LocalDate, HealthScore> endOfDay) {
        HealthScore score = scorer.score(tenant, history, account);
        LocalDate today = history.today();
        return score.withDeltas(
                delta(score, today.minusDays(7), endOfDay),
                delta(score, today.minusDays(30), endOfDay));
    }

    /** Score now minus the end-of-day score of {@code day}, or of the nearest day before it. */
    private static Double delta(
            HealthScore now, LocalDate day, Function<LocalDate, HealthScore> endOfDay) {
        for (int back = 0; back <= DELTA_SLACK_DAYS; back++) {
            HealthScore then = endOfDay.apply(day.minusDays(back));
            if (then != null) {
                return Math.round((now.score() - then.score()) * 10) / 10.0;
            }
        }
        return null;
    }

    /**
     * When the tenant was last active as of the day's end, to a day's resolution: the end of the
     * newest day with events (so every way of batching the same events gives the same answer), or
     * the exact last event when that is older than the history.
     */
    private static Instant lastActivity(Tenant tenant) {
        LocalDate active = tenant.history().lastActiveDay();
        if (active != null) {
            return active.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return tenant.lastEventBefore();
    }

    /** The UTC day an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
