package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertInput;
import dev.pulse.topologies.alert.AlertLifecycle;
import dev.pulse.topologies.alert.AlertRule;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules ({@code config/alert-rules.yaml}) over the replayed demo history, as the
 * pipeline evaluates them once the replay has drained and the data is caught up: the demo must show
 * a handful of firing alerts within minutes of starting, not none and not half the base.
 */
class ReplayAlertsTest {
    /** A couple of minutes after the replay ends, when the pipeline has caught up. */
    private static final Instant NOW = ReplayFixture.ANCHOR.plus(Duration.ofMinutes(2));

    private static final HealthModel MODEL =
            HealthModel.fromYaml(ReplayFixture.configFile("health-model.yaml"));
    private static final AlertRules RULES =
            AlertRules.fromYaml(ReplayFixture.configFile("alert-rules.yaml"));

    private final ReplayFixture replay = ReplayFixture.get();

    @Test
    void aHandfulOfAlertsFireAsSoonAsTheReplayHasDrained() {
        Map<String, List<String>> firing = firingByRule();

        int total = firing.values().stream().mapToInt(List::size).sum();
        assertThat(total).as("firing alerts %s", firing).isBetween(3, 20);
        assertThat(firing.get("gone-silent"))
                .as("idle tenants go silent")
                .isNotEmpty()
                .allSatisfy(t -> assertThat(pattern(t)).isEqualTo(UsagePattern.IDLE));
        assertThat(firing.get("usage-drop"))
                .as("fading tenants' usage drops (and an idle tenant's, to nothing)")
                .isNotEmpty()
                .allSatisfy(t -> assertThat(pattern(t)).isIn(UsagePattern.FADE, UsagePattern.IDLE));
        assertThat(firing.get("usage-drop"))
                .anySatisfy(t -> assertThat(pattern(t)).isEqualTo(UsagePattern.FADE));
        // Tickets pile up as a fade goes on. The shipped rule (3x the usual week, at least 5
        // tickets) also fires now and then on the Poisson noise of an ordinary mid-sized account:
        // a false alarm the demo shows as it is, a handful at most.
        assertThat(firing.get("support-spike"))
                .anySatisfy(t -> assertThat(pattern(t)).isEqualTo(UsagePattern.FADE))
                .filteredOn(t -> !pattern(t).quiet())
                .hasSizeLessThanOrEqualTo(3);
    }

    /** Tenants whose alert would be FIRING at {@link #NOW}, by rule id. */
    private Map<String, List<String>> firingByRule() {
        Map<String, List<String>> firing = new TreeMap<>();
        for (AlertRule rule : RULES.rules()) {
            firing.put(rule.id(), new ArrayList<>());
        }
        for (Account account : replay.base.accounts()) {
            AlertInput in = input(account);
            for (AlertRule rule : RULES.rules()) {
                Alert alert =
                        AlertLifecycle.next(
                                        null,
                                        rule,
                                        RULES.version(),
                                        in,
                                        rule.condition().evaluate(in))
                                .alert();
                if (alert != null && alert.state() == AlertState.FIRING) {
                    firing.get(rule.id()).add(account.tenantId());
                }
            }
        }
        return firing;
    }

    private AlertInput input(Account account) {
        String tenant = account.tenantId();
        HealthScore score =
                replay.score(tenant, NOW)
                        .withDeltas(delta(tenant, 7), delta(tenant, 30))
                        .withActivity(
                                replay.firstEventAt.get(tenant), replay.lastEventAt.get(tenant));
        return AlertInput.of(score, account, history(tenant), NOW, MODEL, true);
    }

    /** Score now minus the end-of-day score {@code days} days earlier, as the pipeline keeps it. */
    private Double delta(String tenant, int days) {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        Instant endOfDay = today.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        return replay.score(tenant, NOW).score() - replay.score(tenant, endOfDay).score();
    }

    private DailyHistory history(String tenant) {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        LocalDate from = today.minusDays(RULES.lookbackDays() - 1L);
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        replay.engagement
                .getOrDefault(tenant, Map.of())
                .forEach(
                        (day, bucket) -> {
                            if (!day.isBefore(from) && !day.isAfter(today)) {
                                days.put(day, bucket);
                            }
                        });
        return new DailyHistory(days, NOW);
    }

    private UsagePattern pattern(String tenant) {
        return replay.base.behaviours().stream()
                .filter(b -> b.tenantId().equals(tenant))
                .findFirst()
                .orElseThrow()
                .pattern();
    }
}
