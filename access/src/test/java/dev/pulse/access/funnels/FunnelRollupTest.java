package dev.pulse.access.funnels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelRollupTest {
    static final Funnel FUNNEL =
            new Funnel(
                    "reporting",
                    "Reporting adoption",
                    Duration.ofDays(14),
                    List.of(
                            new FunnelStep("login", "First login", "login", null),
                            new FunnelStep("reports", "Used reports", "feature_used", "reports"),
                            new FunnelStep("exports", "Exported", "feature_used", "exports")));
    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void sumsDaysIntoStepsWithConversionFromThePreviousAndTheFirstStep() {
        FunnelDay first = day(DAY, 10, 6, 0, 5);
        FunnelDay second = day(DAY.plus(Duration.ofDays(1)), 0, 0, 3, 5);

        List<StepResult> steps = new FunnelRollup(FUNNEL).add(List.of(first, second)).steps();

        assertThat(steps).extracting(StepResult::users).containsExactly(10L, 6L, 3L);
        assertThat(steps).extracting(StepResult::conversion).containsExactly(1.0, 0.6, 0.5);
        assertThat(steps).extracting(StepResult::overall).containsExactly(1.0, 0.6, 0.3);
        assertThat(steps.get(0).medianHoursToConvert()).isNull();
        assertThat(steps.get(1).medianHoursToConvert()).isEqualTo(5.0);
    }

    @Test
    void capsConversionAtOneAndAnswersZeroWithoutUsers() {
        List<StepResult> empty = new FunnelRollup(FUNNEL).steps();
        assertThat(empty).extracting(StepResult::conversion).containsExactly(0.0, 0.0, 0.0);
        assertThat(empty.get(1).medianHoursToConvert()).isNull();

        // Users who entered before the period reach a later step within it.
        List<StepResult> edge = new FunnelRollup(FUNNEL).add(List.of(day(DAY, 2, 4, 0, 1))).steps();
        assertThat(edge.get(1).conversion()).isEqualTo(1.0);
    }

    @Test
    void namesTheStepWithTheLargestShortfallAgainstTheComparison() {
        List<StepResult> portfolio =
                new FunnelRollup(FUNNEL).add(List.of(day(DAY, 100, 60, 30, 5))).steps();
        List<StepResult> stalls =
                new FunnelRollup(FUNNEL).add(List.of(day(DAY, 20, 11, 2, 5))).steps();
        List<StepResult> alike =
                new FunnelRollup(FUNNEL).add(List.of(day(DAY, 20, 12, 6, 5))).steps();
        List<StepResult> tiny = new FunnelRollup(FUNNEL).add(List.of(day(DAY, 2, 0, 0, 5))).steps();

        assertThat(FunnelRollup.stallStep(stalls, portfolio)).isEqualTo("exports");
        assertThat(FunnelRollup.stallStep(alike, portfolio)).isNull();
        assertThat(FunnelRollup.stallStep(tiny, portfolio)).isNull();
    }

    /** A day with these users at the three steps, each taking {@code hours} from the previous. */
    static FunnelDay day(Instant day, int login, int reports, int exports, long hours) {
        FunnelDay d = FunnelDay.empty(day);
        long ms = Duration.ofHours(hours).toMillis();
        int[] users = {login, reports, exports};
        for (int step = 0; step < users.length; step++) {
            for (int i = 0; i < users[step]; i++) {
                d = d.plus(FUNNEL.id(), 3, step, ms);
            }
        }
        return d;
    }
}
