package dev.pulse.app.simulator;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Map;

/**
 * A usage event before it is rendered to JSON and before faults are injected.
 *
 * @param feature null for events that touch no feature
 * @param properties null or a small map of string and integer values, rendered as the {@code
 *     properties} object
 * @param extraField null or a field the schema does not know, which readers must tolerate
 */
@RecordBuilder
record EventDraft(
        String eventId,
        String tenantId,
        String userId,
        String type,
        String feature,
        long eventTimeMs,
        long sentAtMs,
        Map<String, Object> properties,
        Map.Entry<String, String> extraField)
        implements EventDraftBuilder.With {}
