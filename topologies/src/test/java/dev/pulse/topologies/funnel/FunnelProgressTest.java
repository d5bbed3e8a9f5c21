package dev.pulse.topologies.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelProgressTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Funnel FUNNEL =
            new Funnel(
                    "reporting",
                    "Reporting adoption",
                    Duration.ofDays(14),
                    List.of(
                            new FunnelStep("login", "First login", "login", null),
                            new FunnelStep("reports", "Used reports", "feature_used", "reports"),
                            new FunnelStep("exports", "Exported", "feature_used", "exports")));

    @Test
    void entersAtTheFirstStepOnly() {
        assertThat(FunnelProgress.apply(null, FUNNEL, used("reports", 0)).changed()).isFalse();

        FunnelProgress.Step step = FunnelProgress.apply(null, FUNNEL, login(0));
        assertThat(step.newStep()).isZero();
        assertThat(step.progress()).isEqualTo(new FunnelProgress(1, ms(0), ms(0)));
    }

    @Test
    void reachesTheNextStepWithTheTimeSinceThePreviousOne() {
        FunnelProgress entered = new FunnelProgress(1, ms(0), ms(0));

        FunnelProgress.Step step = FunnelProgress.apply(entered, FUNNEL, used("reports", 5));
        assertThat(step.newStep()).isEqualTo(1);
        assertThat(step.sincePreviousMs()).isEqualTo(Duration.ofHours(5).toMillis());
        assertThat(step.progress()).isEqualTo(new FunnelProgress(2, ms(0), ms(5)));
    }

    @Test
    void ignoresALaterStepBeforeTheOneBetween() {
        FunnelProgress entered = new FunnelProgress(1, ms(0), ms(0));

        assertThat(FunnelProgress.apply(entered, FUNNEL, used("exports", 1)).changed()).isFalse();
    }

    @Test
    void ignoresAStepEventOlderThanTheStepReachedLast() {
        FunnelProgress atReports = new FunnelProgress(2, ms(0), ms(5));

        assertThat(FunnelProgress.apply(atReports, FUNNEL, used("exports", 4)).changed()).isFalse();
        assertThat(FunnelProgress.apply(atReports, FUNNEL, used("exports", 5)).newStep())
                .isEqualTo(2);
    }

    @Test
    void countsAStepAtTheEndOfTheWindowButNotAfterIt() {
        FunnelProgress entered = new FunnelProgress(1, ms(0), ms(0));
        int window = 14 * 24;

        assertThat(FunnelProgress.apply(entered, FUNNEL, used("reports", window)).changed())
                .isTrue();
        assertThat(FunnelProgress.apply(entered, FUNNEL, used("reports", window + 1)).changed())
                .isFalse();
    }

    @Test
    void startsANewAttemptWithAFirstStepEventOnceTheWindowPassed() {
        FunnelProgress entered = new FunnelProgress(1, ms(0), ms(0));

        assertThat(FunnelProgress.apply(entered, FUNNEL, login(24)).changed()).isFalse();
        FunnelProgress.Step again = FunnelProgress.apply(entered, FUNNEL, login(15 * 24));
        assertThat(again.newStep()).isZero();
        assertThat(again.progress()).isEqualTo(new FunnelProgress(1, ms(15 * 24), ms(15 * 24)));
    }

    @Test
    void aFinishedUserStaysFinished() {
        FunnelProgress finished = new FunnelProgress(3, ms(0), ms(10));

        assertThat(finished.finished(FUNNEL)).isTrue();
        assertThat(FunnelProgress.apply(finished, FUNNEL, login(30 * 24)).changed()).isFalse();
    }

    private static UsageEvent login(int hours) {
        return event("login", null, hours);
    }

    private static UsageEvent used(String feature, int hours) {
        return event("feature_used", feature, hours);
    }

    private static UsageEvent event(String type, String feature, int hours) {
        return new UsageEvent(
                "e", "acme", "u1", type, feature, T0.plus(Duration.ofHours(hours)), null);
    }

    private static long ms(int hours) {
        return T0.plus(Duration.ofHours(hours)).toEpochMilli();
    }
}
