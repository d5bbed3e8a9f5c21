package dev.pulse.warehouse.sink;

import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.json.JsonSerde;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code follow_ups} from the changelog of the {@code follow-ups} store: each as it stands now. */
record FollowUpTable(String topic) implements SinkTable {
    static final String UPSERT =
            "INSERT INTO follow_ups (tenant_id, follow_up_id, alert_id, title, due_date, status,"
                    + " owner, created_by, created_at, updated_at, note)"
                    + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                    + " ON CONFLICT (tenant_id, follow_up_id) DO UPDATE SET"
                    + " alert_id = EXCLUDED.alert_id, title = EXCLUDED.title,"
                    + " due_date = EXCLUDED.due_date, status = EXCLUDED.status,"
                    + " owner = EXCLUDED.owner, created_by = EXCLUDED.created_by,"
                    + " created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,"
                    + " note = EXCLUDED.note";

    private static final JsonSerde<FollowUp> SERDE = JsonSerde.of(FollowUp.class);

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            return;
        }
        FollowUp f = SERDE.fromBytes(record.value());
        batch.upsert(
                UPSERT,
                FollowUp.key(f.tenantId(), f.id()),
                Tuple.from(
                        new Object[] {
                            f.tenantId(),
                            f.id(),
                            f.alertId(),
                            f.title(),
                            f.dueDate(),
                            SqlValues.label(f.status()),
                            f.owner(),
                            f.createdBy(),
                            SqlValues.timestamp(f.createdAt()),
                            SqlValues.timestamp(f.updatedAt()),
                            f.note()
                        }));
    }
}
