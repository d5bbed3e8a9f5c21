package dev.pulse.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of an ingest body, in body order.
 *
 * @param node the parsed value; null when the record could not be parsed
 * @param raw the record's bytes exactly as received, for JSON objects; null otherwise
 * @param error why the record could not be parsed (an NDJSON line that is not JSON); else null
 */
record BodyRecord(int index, JsonNode node, byte[] raw, String error) {
    static BodyRecord parsed(int index, JsonNode node, byte[] raw) {
        return new BodyRecord(index, node, raw, null);
    }

    static BodyRecord unparsable(int index, String error) {
        return new BodyRecord(index, null, null, error);
    }
}
