package dev.pulse.access.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyCalculatorTest {
    static final JourneyModel MODEL =
            JourneyModel.fromYaml(
                    """
                    version: "j-1"
                    stages:
                      - {id: onboarding, label: Onboarding, kind: progress}
                      - {id: activated, label: Activated, kind: progress, when: {minScore: 40}}
                      - {id: engaged, label: Engaged, kind: progress, when: {minScore: 70}}
                      - {id: churned, label: Churned, kind: exit, when: {churned: true}}
                      - {id: at_risk, label: At risk, kind: exit, when: {atRisk: true}}
                    """);

    private static final LocalDate D = LocalDate.of(2026, 9, 1);
    private static final LocalDate FROM = D.plusDays(10);
    private static final LocalDate TO = D.plusDays(40);
    private static final LocalDate AS_OF = D.plusDays(50);

    /** A tenant's journey through {@code stages} entered on {@code days} (offsets from D). */
    static JourneyState journey(String tenant, List<String> stages, List<Integer> days) {
        List<Transition> moves = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            moves.add(
                    new Transition(
                            i == 0 ? null : stages.get(i - 1),
                            stages.get(i),
                            D.plusDays(days.get(i))));
        }
        Transition last = moves.get(moves.size() - 1);
        return new JourneyState(
                tenant, D.plusDays(days.get(0)), last.to(), last.day(), AS_OF, moves, "j-1");
    }

    private static StageFigures stage(JourneyCalculator.Result result, String id) {
        return result.stages().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        assertThat(JourneyCalculator.percentile(List.of(), 0.5)).isNull();
        assertThat(JourneyCalculator.percentile(List.of(7L), 0.9)).isEqualTo(7.0);
        assertThat(JourneyCalculator.percentile(List.of(4L, 1L, 3L, 2L), 0.5)).isEqualTo(2.5);
        assertThat(
                        JourneyCalculator.percentile(
                                List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 0.9))
                .isEqualTo(9.1);
        assertThat(JourneyCalculator.percentile(List.of(5L, 1L, 9L), 0.5)).isEqualTo(5.0);
    }

    @Test
    void countsCurrentEnteredExitedAndDropOffWithinThePeriod() {
        List<JourneyState> states =
                List.of(
                        // Entered before the period, activated and engaged in it.
                        journey(
                                "a",
                                List.of("onboarding", "activated", "engaged"),
                                List.of(0, 12, 30)),
                        // Activated in the period, then at risk after it ended.
                        journey(
                                "b",
                                List.of("onboarding", "activated", "at_risk"),
                                List.of(5, 20, 45)),
                        // Started in the period, went straight to at risk in it.
                        journey("c", List.of("onboarding", "at_risk"), List.of(15, 25)));

        JourneyCalculator.Result result = JourneyCalculator.aggregate(MODEL, states, FROM, TO);

        assertThat(result.stages())
                .extracting(StageFigures::id)
                .containsExactly("onboarding", "activated", "engaged", "churned", "at_risk");
        StageFigures onboarding = stage(result, "onboarding");
        assertThat(onboarding.current()).isZero();
        assertThat(onboarding.entered()).isEqualTo(1); // only c's start falls in the period
        assertThat(onboarding.exited()).isEqualTo(3);
        assertThat(onboarding.dropOff()).isEqualTo(1); // c: onboarding -> at_risk
        StageFigures activated = stage(result, "activated");
        assertThat(activated.entered()).isEqualTo(2);
        assertThat(activated.exited()).isEqualTo(1); // b leaves after the period
        assertThat(activated.dropOff()).isZero();
        assertThat(stage(result, "engaged").current()).isEqualTo(1);
        assertThat(stage(result, "at_risk").current()).isEqualTo(2);
        assertThat(stage(result, "at_risk").entered()).isEqualTo(1);
        assertThat(stage(result, "at_risk").label()).isEqualTo("At risk");
        assertThat(stage(result, "at_risk").kind()).isEqualTo("exit");
        assertThat(stage(result, "churned").medianDaysInStage()).isNull();
    }

    @Test
    void daysInStageTakeStaysEndedInThePeriodAndStaysGoingOn() {
        List<JourneyState> states =
                List.of(
                        journey(
                                "a",
                                List.of("onboarding", "activated", "engaged"),
                                List.of(0, 12, 30)),
                        journey(
                                "b",
                                List.of("onboarding", "activated", "at_risk"),
                                List.of(5, 20, 45)),
                        journey("c", List.of("onboarding", "at_risk"), List.of(15, 25)));

        JourneyCalculator.Result result = JourneyCalculator.aggregate(MODEL, states, FROM, TO);

        // Onboarding stays ended in the period: 12, 15, 10 days.
        assertThat(stage(result, "onboarding").medianDaysInStage()).isEqualTo(12.0);
        assertThat(stage(result, "onboarding").p90DaysInStage()).isEqualTo(14.4);
        // Activated: a's 18 days ended in the period; b's ended after it (not counted).
        assertThat(stage(result, "activated").medianDaysInStage()).isEqualTo(18.0);
        // Engaged: a's stay goes on, days 30..50 both included = 21.
        assertThat(stage(result, "engaged").medianDaysInStage()).isEqualTo(21.0);
        // At risk: c's ongoing stay (25..50 = 26) counts; b's began after the period.
        assertThat(stage(result, "at_risk").medianDaysInStage()).isEqualTo(26.0);
    }

    @Test
    void flowsShareTheAccountsLeavingAStage() {
        List<JourneyState> states =
                List.of(
                        journey("a", List.of("onboarding", "activated"), List.of(0, 12)),
                        journey("b", List.of("onboarding", "activated"), List.of(0, 13)),
                        journey("c", List.of("onboarding", "activated"), List.of(0, 14)),
                        journey("d", List.of("onboarding", "at_risk"), List.of(0, 15)),
                        // Back and forth twice: one account, counted once per move.
                        journey(
                                "e",
                                List.of(
                                        "onboarding",
                                        "activated",
                                        "engaged",
                                        "activated",
                                        "engaged"),
                                List.of(0, 11, 20, 25, 30)));

        JourneyCalculator.Result result = JourneyCalculator.aggregate(MODEL, states, FROM, TO);

        assertThat(result.flows())
                .containsExactly(
                        new StageFlow("onboarding", "activated", 4, 0.8),
                        new StageFlow("activated", "engaged", 1, 1.0),
                        new StageFlow("engaged", "activated", 1, 1.0),
                        new StageFlow("onboarding", "at_risk", 1, 0.2));
        assertThat(stage(result, "activated").entered()).isEqualTo(5);
    }

    @Test
    void listsTheTenMostCommonPathsSinceTheStart() {
        List<JourneyState> states = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            states.add(
                    journey(
                            "a" + i,
                            List.of("onboarding", "activated", "engaged"),
                            List.of(0, 12, 30)));
        }
        for (int i = 0; i < 3; i++) {
            states.add(journey("b" + i, List.of("onboarding", "at_risk"), List.of(0, 20)));
        }
        for (int i = 0; i < 12; i++) {
            List<String> path = new ArrayList<>(List.of("onboarding"));
            List<Integer> days = new ArrayList<>(List.of(0));
            for (int j = 0; j <= i; j++) {
                path.add(j % 2 == 0 ? "activated" : "engaged");
                days.add(1 + j);
            }
            states.add(journey("c" + i, path, days));
        }

        List<StagePath> paths = JourneyCalculator.aggregate(MODEL, states, FROM, TO).paths();

        assertThat(paths).hasSize(JourneyCalculator.TOP_PATHS);
        assertThat(paths.get(0))
                .isEqualTo(new StagePath(List.of("onboarding", "activated", "engaged"), 6));
        assertThat(paths.get(1)).isEqualTo(new StagePath(List.of("onboarding", "at_risk"), 3));
        assertThat(paths.get(2).accounts()).isEqualTo(1);
    }
}
