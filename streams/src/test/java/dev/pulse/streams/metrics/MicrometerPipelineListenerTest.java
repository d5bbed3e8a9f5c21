package dev.pulse.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.alert.AlertRule;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerPipelineListenerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerPipelineListener listener = new MicrometerPipelineListener(registry);

    @Test
    void countsAlertTransitionsByRuleSeverityAndState() {
        listener.onAlertTransition("gone-silent", Severity.CRITICAL, AlertState.FIRING);
        listener.onAlertTransition("gone-silent", Severity.CRITICAL, AlertState.FIRING);
        listener.onAlertTransition("gone-silent", Severity.CRITICAL, AlertState.RESOLVED);
        listener.onAlertTransition("usage-drop", Severity.WARNING, AlertState.FIRING);

        assertThat(transitions("gone-silent", "critical", "firing")).isEqualTo(2.0);
        assertThat(transitions("gone-silent", "critical", "resolved")).isEqualTo(1.0);
        assertThat(transitions("usage-drop", "warning", "firing")).isEqualTo(1.0);
        assertThat(registry.find("pulse.alerts.transitions").counters()).hasSize(3);
    }

    @Test
    void registersEachRulesTransitionsAndKnownReasonsAtZeroBeforeAnyHappen() {
        SimpleMeterRegistry fresh = new SimpleMeterRegistry();
        new MicrometerPipelineListener(
                fresh,
                List.of(
                        new AlertRule(
                                "usage-drop",
                                Severity.WARNING,
                                Duration.ZERO,
                                Duration.ZERO,
                                true,
                                "usage fell",
                                null)));

        assertThat(fresh.find("pulse.alerts.transitions").counters()).hasSize(3);
        assertThat(fresh.get("pulse.alerts.transitions").tag("state", "pending").counter().count())
                .isZero();
        assertThat(fresh.get("pulse.dedup.store.lookups").counter().count()).isZero();
        assertThat(fresh.find("pulse.alert.commands.ignored").counters()).hasSize(3);
        assertThat(fresh.find("pulse.follow.up.commands.ignored").counters()).hasSize(6);
        assertThat(
                        fresh.get("pulse.events.dead.lettered")
                                .tag("reason", "malformed_json")
                                .counter())
                .isNotNull();
    }

    @Test
    void recordsScoreFreshnessInBucketsAroundTheOneSecondTarget() {
        listener.onScoreRefreshed(300);
        listener.onScoreRefreshed(4_000);

        Timer freshness = registry.get("pulse.score.freshness").timer();
        assertThat(freshness.count()).isEqualTo(2);
        assertThat(freshness.max(TimeUnit.MILLISECONDS)).isEqualTo(4_000.0);
        CountAtBucket[] buckets = freshness.takeSnapshot().histogramCounts();
        assertThat(buckets)
                .anySatisfy(
                        b -> {
                            assertThat(b.bucket(TimeUnit.SECONDS)).isEqualTo(1.0);
                            assertThat(b.count()).isEqualTo(1.0);
                        });
    }

    @Test
    void clampsDaysOldReplayedEventsSoTheSumCannotOverflow() {
        long sixtyDays = Duration.ofDays(60).toMillis();
        for (int i = 0; i < 10_000; i++) {
            listener.onScoreRefreshed(sixtyDays);
        }

        Timer freshness = registry.get("pulse.score.freshness").timer();
        assertThat(freshness.max(TimeUnit.MINUTES)).isEqualTo(2.0);
        assertThat(freshness.totalTime(TimeUnit.MINUTES)).isEqualTo(20_000.0);
    }

    private double transitions(String rule, String severity, String state) {
        return registry.get("pulse.alerts.transitions")
                .tag("rule", rule)
                .tag("severity", severity)
                .tag("state", state)
                .counter()
                .count();
    }
}
