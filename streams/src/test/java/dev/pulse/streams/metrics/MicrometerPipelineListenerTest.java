package dev.pulse.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    private double transitions(String rule, String severity, String state) {
        return registry.get("pulse.alerts.transitions")
                .tag("rule", rule)
                .tag("severity", severity)
                .tag("state", state)
                .counter()
                .count();
    }
}
