package dev.pulse.topologies.health;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a health score from a tenant's daily history: each available measure gives 0–100 points,
 * the score is their weighted mean. A measure without data (no NPS answers, no licensed seats
 * known) is left out and the remaining weights are scaled up, and the contribution says so.
 */
public final class HealthScorer {
    private final HealthModel model;
    private final List<ThresholdCurve> curves;

    public HealthScorer(HealthModel model) {
        this.model = model;
        this.curves = model.measures().stream().map(m -> new ThresholdCurve(m.points())).toList();
    }

    public HealthModel model() {
        return model;
    }

    public HealthScore score(String tenantId, DailyHistory history, Account account) {
        List<MeasureKind.Reading> readings = new ArrayList<>();
        double availableWeight = 0;
        for (MeasureDefinition measure : model.measures()) {
            MeasureKind.Reading reading = measure.measureKind().read(history, account, measure);
            readings.add(reading);
            if (reading != null) {
                availableWeight += measure.weight();
            }
        }
        // With no measure readable the tenant has no measurable engagement at all: score 0.
        availableWeight = availableWeight == 0 ? 1 : availableWeight;
        List<Contribution> contributions = new ArrayList<>();
        double score = 0;
        for (int i = 0; i < readings.size(); i++) {
            MeasureDefinition measure = model.measures().get(i);
            MeasureKind.Reading reading = readings.get(i);
            if (reading == null) {
                contributions.add(
                        new Contribution(
                                measure.id(),
                                measure.displayLabel(),
                                null,
                                null,
                                0,
                                0,
                                "no data for " + measure.displayLabel() + "; left out"));
                continue;
            }
            double points = round1(curves.get(i).pointsFor(reading.value()));
            double weight = measure.weight() / availableWeight;
            double contribution = points * weight;
            score += contribution;
            contributions.add(
                    new Contribution(
                            measure.id(),
                            measure.displayLabel(),
                            round3(reading.value()),
                            points,
                            round3(weight),
                            round1(contribution),
                            reading.explanation()));
        }
        double rounded = round1(score);
        String topReason = HealthScore.levelReason(contributions);
        return new HealthScore(
                tenantId,
                rounded,
                model.bandOf(rounded),
                model.version(),
                history.asOf(),
                null,
                null,
                List.copyOf(contributions),
                topReason,
                null,
                null,
                null);
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
