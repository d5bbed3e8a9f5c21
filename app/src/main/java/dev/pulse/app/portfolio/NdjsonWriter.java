package dev.pulse.app.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes events and accounts as newline-delimited JSON, one object a line: events with the fields
 * of {@code POST /v1/events} in the order the simulator sends them, accounts as on the accounts
 * topic (which {@code POST /v1/accounts} takes too). Does not close the writer.
 */
final class NdjsonWriter {
    private final JsonGenerator json;

    NdjsonWriter(Writer out) throws IOException {
        this.json = PulseJson.mapper().getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    void event(UsageEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("tenantId", event.tenantId());
        json.writeStringField("userId", event.userId());
        json.writeStringField("type", event.type());
        if (event.feature() != null) {
            json.writeStringField("feature", event.feature());
        }
        json.writeStringField("timestamp", event.timestamp().toString());
        if (event.properties() != null) {
            json.writeFieldName("properties");
            properties(event.properties());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** The simulator's properties are flat strings and integers: written without data binding. */
    private void properties(JsonNode properties) throws IOException {
        json.writeStartObject();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            json.writeFieldName(field.getKey());
            if (value.isInt()) {
                json.writeNumber(value.intValue());
            } else if (value.isTextual()) {
                json.writeString(value.textValue());
            } else {
                json.writeTree(value);
            }
        }
        json.writeEndObject();
    }

    void account(Account account) throws IOException {
        PulseJson.mapper().writeValue(json, account);
        json.writeRaw('\n');
    }

    void flush() throws IOException {
        json.flush();
    }
}
