package dev.pulse.warehouse.sink;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.json.JsonSerde;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code alerts} (as each stands now) and {@code alert_transitions} (one row per published change,
 * keyed by where it was published) from {@code pulse.alerts.v1}.
 */
final class AlertTable implements SinkTable {
    static final String UPSERT =
            "INSERT INTO alerts (alert_id, tenant_id, rule_id, kind, severity, state,"
                + " first_seen_at, fired_at, resolved_at, acknowledged_at, snoozed_until, acted_by,"
                + " owner, explanation, replayed, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
                + " $8, $9, $10, $11, $12, $13, $14, $15, now()) ON CONFLICT (alert_id) DO UPDATE"
                + " SET kind = EXCLUDED.kind, severity = EXCLUDED.severity, state = EXCLUDED.state,"
                + " first_seen_at = EXCLUDED.first_seen_at, fired_at = EXCLUDED.fired_at,"
                + " resolved_at = EXCLUDED.resolved_at, acknowledged_at = EXCLUDED.acknowledged_at,"
                + " snoozed_until = EXCLUDED.snoozed_until, acted_by = EXCLUDED.acted_by, owner ="
                + " EXCLUDED.owner, explanation = EXCLUDED.explanation, replayed ="
                + " EXCLUDED.replayed, updated_at = now()";

    static final String TRANSITION =
            "INSERT INTO alert_transitions (source_partition, source_offset, alert_id, tenant_id,"
                    + " rule_id, state, severity, changed_at, acknowledged_at, snoozed_until,"
                    + " acted_by, explanation, replayed)"
                    + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                    + " ON CONFLICT (source_partition, source_offset) DO NOTHING";

    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

    @Override
    public String topic() {
        return "pulse.alerts.v1";
    }

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            return;
        }
        Alert alert = SERDE.fromBytes(record.value());
        boolean replayed = Boolean.TRUE.equals(alert.replayed());
        batch.upsert(
                UPSERT,
                alert.id(),
                Tuple.from(
                        new Object[] {
                            alert.id(),
                            alert.tenantId(),
                            alert.ruleId(),
                            SqlValues.label(alert.kind()),
                            SqlValues.label(alert.severity()),
                            SqlValues.label(alert.state()),
                            SqlValues.timestamp(alert.firstSeenAt()),
                            SqlValues.timestamp(alert.firedAt()),
                            SqlValues.timestamp(alert.resolvedAt()),
                            SqlValues.timestamp(alert.acknowledgedAt()),
                            SqlValues.timestamp(alert.snoozedUntil()),
                            alert.actedBy(),
                            alert.owner(),
                            alert.explanation(),
                            replayed
                        }));
        batch.add(
                TRANSITION,
                Tuple.from(
                        new Object[] {
                            record.partition(),
                            record.offset(),
                            alert.id(),
                            alert.tenantId(),
                            alert.ruleId(),
                            SqlValues.label(alert.state()),
                            SqlValues.label(alert.severity()),
                            SqlValues.timestamp(changedAt(alert, record)),
                            SqlValues.timestamp(alert.acknowledgedAt()),
                            SqlValues.timestamp(alert.snoozedUntil()),
                            alert.actedBy(),
                            alert.explanation(),
                            replayed
                        }));
    }

    /** When the change happened in event time, as the alert history dates it. */
    private static Instant changedAt(Alert alert, ConsumerRecord<byte[], byte[]> record) {
        if (alert.lastEvaluatedAt() != null) {
            return alert.lastEvaluatedAt();
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}
