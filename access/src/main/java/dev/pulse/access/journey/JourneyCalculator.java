package dev.pulse.access.journey;

import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Stage;
import dev.pulse.topologies.journey.StageKind;
import dev.pulse.topologies.journey.Transition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The maths of a journey aggregate over accounts' journey states, pure: per stage the accounts in
 * it now, the moves in and out and to an exit during the period, and the days stays lasted; the
 * flows between stages; the most common paths.
 *
 * <p>A stay lasts from the day an account entered a stage to the day it entered the next one (that
 * day not counted), or, still going on, to its latest closed day (counted). The figures of days in
 * stage take the stays that ended in the period and those still going on that began by its end. A
 * stay whose start fell out of an account's bounded transition list is not counted.
 */
final class JourneyCalculator {
    /** Paths listed. */
    static final int TOP_PATHS = 10;

    private JourneyCalculator() {}

    /** The figures, flows and paths of {@code states} over {@code [from, to]}. */
    static Result aggregate(
            JourneyModel model, List<JourneyState> states, LocalDate from, LocalDate to) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        model.stages().forEach(stage -> tallies.put(stage.id(), new Tally()));
        Set<String> exits = new HashSet<>();
        model.exitStages().forEach(stage -> exits.add(stage.id()));
        Map<String, Map<String, Set<String>>> moves = new TreeMap<>();
        Map<String, Set<String>> leaving = new HashMap<>();
        Map<List<String>, Long> paths = new HashMap<>();
        for (JourneyState state : states) {
            Tally now = tallies.get(state.stage());
            if (now != null) {
                now.current++;
            }
            List<Transition> transitions = state.transitions();
            for (int i = 0; i < transitions.size(); i++) {
                Transition move = transitions.get(i);
                boolean inPeriod = within(move.day(), from, to);
                Tally into = tallies.get(move.to());
                if (inPeriod && into != null) {
                    into.entered++;
                }
                if (move.from() != null && inPeriod) {
                    Tally out = tallies.get(move.from());
                    if (out != null) {
                        out.exited++;
                        if (exits.contains(move.to())) {
                            out.dropOff++;
                        }
                    }
                    moves.computeIfAbsent(move.from(), f -> new TreeMap<>())
                            .computeIfAbsent(move.to(), t -> new HashSet<>())
                            .add(state.tenantId());
                    leaving.computeIfAbsent(move.from(), f -> new HashSet<>())
                            .add(state.tenantId());
                }
                if (into == null) {
                    continue;
                }
                if (i + 1 < transitions.size()) {
                    LocalDate left = transitions.get(i + 1).day();
                    if (within(left, from, to)) {
                        into.stays.add(days(move.day(), left));
                    }
                } else if (!state.since().isAfter(to)) {
                    into.stays.add(state.daysInStage());
                }
            }
            paths.merge(transitions.stream().map(Transition::to).toList(), 1L, Long::sum);
        }
        return new Result(figures(model, tallies), flows(moves, leaving), topPaths(paths));
    }

    /** What {@link #aggregate} computes. */
    record Result(List<StageFigures> stages, List<StageFlow> flows, List<StagePath> paths) {}

    /** The {@code p}-quantile (0–1) of {@code values}, interpolated between ranks; null if none. */
    static Double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        double rank = p * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(sorted.size() - 1, lower + 1);
        double value = sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
        return Math.round(value * 10) / 10.0;
    }

    private static List<StageFigures> figures(JourneyModel model, Map<String, Tally> tallies) {
        List<StageFigures> figures = new ArrayList<>();
        for (Stage stage : model.stages()) {
            Tally t = tallies.get(stage.id());
            figures.add(
                    new StageFigures(
                            stage.id(),
                            stage.displayLabel(),
                            stage.kind() == null
                                    ? StageKind.PROGRESS.label()
                                    : stage.kind().label(),
                            t.current,
                            t.entered,
                            t.exited,
                            percentile(t.stays, 0.5),
                            percentile(t.stays, 0.9),
                            t.dropOff));
        }
        return figures;
    }

    private static List<StageFlow> flows(
            Map<String, Map<String, Set<String>>> moves, Map<String, Set<String>> leaving) {
        List<StageFlow> flows = new ArrayList<>();
        moves.forEach(
                (from, targets) ->
                        targets.forEach(
                                (to, tenants) -> {
                                    double share =
                                            (double) tenants.size() / leaving.get(from).size();
                                    flows.add(
                                            new StageFlow(
                                                    from,
                                                    to,
                                                    tenants.size(),
                                                    Math.round(share * 1000) / 1000.0));
                                }));
        flows.sort(Comparator.comparingLong(StageFlow::accounts).reversed());
        return flows;
    }

    private static List<StagePath> topPaths(Map<List<String>, Long> paths) {
        return paths.entrySet().stream()
                .sorted(
                        Map.Entry.<List<String>, Long>comparingByValue()
                                .reversed()
                                .thenComparing(e -> String.join(">", e.getKey())))
                .limit(TOP_PATHS)
                .map(e -> new StagePath(e.getKey(), e.getValue()))
                .toList();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return to.toEpochDay() - from.toEpochDay();
    }

    /** Counts of one stage. */
    private static final class Tally {
        long current;
        long entered;
        long exited;
        long dropOff;
        final List<Long> stays = new ArrayList<>();
    }
}
