package dev.pulse.app.simulator;

import java.util.Map;

/**
 * A usage event before it is rendered to JSON and before faults are injected.
 *
 * @param feature null for events that touch no feature
 * @param properties null or a small map of string and integer values, rendered as the {@code
 *     properties} object
 * @param extraField null or a field the schema does not know, which readers must tolerate
 */
record EventDraft(
        String eventId,
        String tenantId,
        String userId,
        String type,
        String feature,
        long eventTimeMs,
        long sentAtMs,
        Map<String, Object> properties,
        Map.Entry<String, String> extraField) {

    EventDraft withEventId(String newEventId) {
        return new EventDraft(
                newEventId,
                tenantId,
                userId,
                type,
                feature,
                eventTimeMs,
                sentAtMs,
                properties,
                extraField);
    }

    EventDraft withEventTime(long newEventTimeMs) {
        return new EventDraft(
                eventId,
                tenantId,
                userId,
                type,
                feature,
                newEventTimeMs,
                sentAtMs,
                properties,
                extraField);
    }
}
