package dev.pulse.topologies.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final String HEADER = "version: \"t-1\"\nrules:\n";

    @Test
    void theBundledRulesAreValidAndCoverEveryKind() throws Exception {
        AlertRules rules =
                AlertRules.fromYaml(Files.readString(Path.of("..", "config", "alert-rules.yaml")));

        assertThat(rules.version()).isNotBlank();
        assertThat(rules.rules()).extracting(AlertRule::kind).contains(AlertKind.values());
        assertThat(rules.lookbackDays()).isEqualTo(36);
    }

    @Test
    void readsCommonKeysAndKindParameters() {
        AlertRules rules =
                AlertRules.fromYaml(
                        HEADER
                                + "  - id: usage\n"
                                + "    kind: usage_drop\n"
                                + "    severity: critical\n"
                                + "    for: PT6H\n"
                                + "    cooldown: P7D\n"
                                + "    autoResolve: false\n"
                                + "    dropPercent: 40\n"
                                + "    minBaselineEventsPerWeek: 200\n"
                                + "  - id: quiet\n"
                                + "    kind: silence\n"
                                + "    severity: info\n"
                                + "    for: 0\n"
                                + "    days: 7\n");

        AlertRule usage = rules.rules().get(0);
        assertThat(usage.kind()).isEqualTo(AlertKind.USAGE_DROP);
        assertThat(usage.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(usage.forDuration()).isEqualTo(Duration.ofHours(6));
        assertThat(usage.cooldown()).isEqualTo(Duration.ofDays(7));
        assertThat(usage.autoResolve()).isFalse();
        assertThat(usage.condition()).isEqualTo(new AlertCondition.UsageDrop(40.0, 200.0, 4));
        AlertRule quiet = rules.rules().get(1);
        assertThat(quiet.forDuration()).isZero();
        assertThat(quiet.cooldown()).isZero();
        assertThat(quiet.autoResolve()).isTrue();
    }

    @Test
    void rejectsAParameterOfAnotherKindNamingTheRule() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "kind: usage_drop\n    dropPercent: 40\n"
                                                + "    minBaselineEventsPerWeek: 200\n    days: 3"))
                .hasMessageContaining("rule 'r1'")
                .hasMessageContaining("'days' is not a parameter of usage_drop")
                .hasMessageContaining("minBaselineEventsPerWeek");
    }

    @Test
    void rejectsAMissingRequiredParameter() {
        assertThatThrownBy(() -> parse("kind: usage_drop\n    dropPercent: 40"))
                .hasMessage("alert rules: rule 'r1': 'minBaselineEventsPerWeek' is required");
    }

    @Test
    void rejectsAnOutOfRangeParameter() {
        assertThatThrownBy(() -> parse("kind: expansion\n    utilisationAbove: -1"))
                .hasMessageContaining("rule 'r1'")
                .hasMessageContaining("'utilisationAbove' must be between 0.01 and 10");
    }

    @Test
    void rejectsAScoreDropWithoutAnyTrigger() {
        assertThatThrownBy(() -> parse("kind: score_drop"))
                .hasMessageContaining("needs 'delta7dAtMost'");
    }

    @Test
    void rejectsAnUnknownKindSeverityOrDuration() {
        assertThatThrownBy(() -> parse("kind: churn"))
                .hasMessageContaining("rule 'r1': unknown kind 'churn'");
        assertThatThrownBy(
                        () ->
                                AlertRules.fromYaml(
                                        HEADER
                                                + "  - id: r1\n    kind: silence\n"
                                                + "    severity: urgent\n    days: 3\n"))
                .hasMessageContaining("rule 'r1': unknown severity 'urgent'");
        assertThatThrownBy(() -> parse("kind: silence\n    days: 3\n    for: 3 days"))
                .hasMessageContaining("rule 'r1': 'for' must be an ISO-8601 duration");
        assertThatThrownBy(() -> parse("kind: silence\n    days: 3\n    cooldown: -PT1H"))
                .hasMessageContaining("rule 'r1': 'cooldown' must not be negative");
    }

    @Test
    void rejectsDuplicateOrInvalidIdsAndAMissingVersion() {
        String rule = "  - id: same\n    kind: silence\n    severity: info\n    days: 3\n";
        assertThatThrownBy(() -> AlertRules.fromYaml(HEADER + rule + rule))
                .hasMessage("alert rules: rule 'same': id is used by another rule");
        assertThatThrownBy(
                        () ->
                                AlertRules.fromYaml(
                                        HEADER + "  - kind: silence\n    severity: info\n"))
                .hasMessageContaining("rule #1: 'id' is required");
        assertThatThrownBy(() -> AlertRules.fromYaml("rules:\n" + rule))
                .hasMessage("alert rules: 'version' is required");
        assertThatThrownBy(() -> AlertRules.fromYaml(HEADER + rule + "extra: 1\n"))
                .hasMessageContaining("unknown key 'extra'");
    }

    private static AlertRules parse(String rest) {
        return AlertRules.fromYaml(
                HEADER + "  - id: r1\n    severity: warning\n    " + rest + "\n");
    }
}
