package dev.pulse.app.simulator;

import java.nio.charset.StandardCharsets;

/**
 * One record for the usage-events topic.
 *
 * @param tenantId the record key; malformed records carry one too
 * @param timestampMs the record timestamp: the event time, or the send time when the record has no
 *     usable event time
 * @param sentAtMs the simulated moment the record is sent; records are produced in this order
 * @param value the JSON bytes as a client would send them
 */
public record SimulatedRecord(
        String tenantId, long timestampMs, long sentAtMs, byte[] value, RecordKind kind) {

    /** The value as text, for logs and tests. */
    public String json() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
