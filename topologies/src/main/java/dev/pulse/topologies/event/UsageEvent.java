package dev.pulse.topologies.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One product-usage event of one user of one tenant. Unknown JSON fields stay on the topic; this
 * record holds what the topologies compute with.
 *
 * @param feature the feature touched, required for {@code feature_used}
 * @param timestamp event time, not the time Pulse received it
 * @param properties free-form details, e.g. {@code score} of an {@code nps_response}; may be null
 */
public record UsageEvent(
        String eventId,
        String tenantId,
        String userId,
        String type,
        String feature,
        Instant timestamp,
        JsonNode properties) {

    /** The NPS score (0–10) of an {@code nps_response}, or -1 when this is not one. */
    public int npsScore() {
        if (!EventTypes.NPS_RESPONSE.equals(type) || properties == null) {
            return -1;
        }
        return properties.path("score").asInt(-1);
    }
}
