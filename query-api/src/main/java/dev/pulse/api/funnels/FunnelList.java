package dev.pulse.api.funnels;

import dev.pulse.topologies.funnel.Funnel;
import java.util.List;

/** The body of {@code GET /v1/funnels}: every funnel with its steps, in configuration order. */
public record FunnelList(List<Entry> funnels) {

    /** One funnel. */
    public record Entry(String id, String label, long windowDays, List<Step> steps) {}

    /** One step, by id and label (what counts it is configuration, not API). */
    public record Step(String id, String label) {}

    static FunnelList of(List<Funnel> funnels) {
        return new FunnelList(
                funnels.stream()
                        .map(
                                f ->
                                        new Entry(
                                                f.id(),
                                                f.label(),
                                                f.windowDays(),
                                                f.steps().stream()
                                                        .map(s -> new Step(s.id(), s.label()))
                                                        .toList()))
                        .toList());
    }
}
