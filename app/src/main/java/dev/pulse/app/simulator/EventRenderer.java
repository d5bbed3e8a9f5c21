package dev.pulse.app.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.topologies.event.EventTypes;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.json.PulseJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes event drafts as the JSON a client sends, and spoils some of them in the ways real clients
 * do: truncated JSON, a missing tenant id, a timestamp of "yesterday", a feature event without its
 * feature. Also turns a draft into the event Pulse reads from it, for clean histories.
 */
final class EventRenderer {
    /** The ways a record can be malformed. */
    enum Defect {
        BROKEN_JSON,
        MISSING_TENANT_ID,
        BAD_TIMESTAMP,
        MISSING_FEATURE
    }

    private static final ObjectMapper JSON = PulseJson.mapper();

    private EventRenderer() {}

    static byte[] render(EventDraft draft) {
        return bytes(tree(draft));
    }

    /** The draft as the event Pulse reads from it; a field the schema does not know is left out. */
    static UsageEvent event(EventDraft draft) {
        return new UsageEvent(
                draft.eventId(),
                draft.tenantId(),
                draft.userId(),
                draft.type(),
                draft.feature(),
                Instant.ofEpochMilli(draft.eventTimeMs()),
                draft.properties() == null
                        ? null
                        : properties(JSON.createObjectNode(), draft.properties()));
    }

    static byte[] renderDefective(EventDraft draft, Defect defect) {
        ObjectNode node = tree(draft);
        switch (defect) {
            case BROKEN_JSON -> {
                byte[] whole = bytes(node);
                return Arrays.copyOf(whole, whole.length / 2);
            }
            case MISSING_TENANT_ID -> node.remove("tenantId");
            case BAD_TIMESTAMP -> node.put("timestamp", "yesterday");
            case MISSING_FEATURE -> {
                node.put("type", EventTypes.FEATURE_USED);
                node.remove("feature");
                node.remove("properties");
            }
        }
        return bytes(node);
    }

    private static ObjectNode tree(EventDraft draft) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", draft.eventId());
        node.put("tenantId", draft.tenantId());
        node.put("userId", draft.userId());
        node.put("type", draft.type());
        if (draft.feature() != null) {
            node.put("feature", draft.feature());
        }
        node.put("timestamp", Instant.ofEpochMilli(draft.eventTimeMs()).toString());
        if (draft.properties() != null) {
            properties(node.putObject("properties"), draft.properties());
        }
        Map.Entry<String, String> extra = draft.extraField();
        if (extra != null) {
            node.put(extra.getKey(), extra.getValue());
        }
        return node;
    }

    private static ObjectNode properties(ObjectNode node, Map<String, Object> properties) {
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (property.getValue() instanceof Integer number) {
                node.put(property.getKey(), number);
            } else {
                node.put(property.getKey(), String.valueOf(property.getValue()));
            }
        }
        return node;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
