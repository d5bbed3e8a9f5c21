package dev.pulse.warehouse.sink;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditRecord;
import dev.pulse.access.audit.AuditTopic;
import dev.pulse.topologies.json.JsonSerde;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code audit_records} from {@code pulse.audit.v1}, hash chain included. */
final class AuditTable implements SinkTable {
    static final String INSERT =
            "INSERT INTO audit_records (chain, seq, prev_hash, hash, at, subject, role, method,"
                    + " action, tenants, allowed, status, remote, request_id, detail)"
                    + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                    + " ON CONFLICT (chain, seq) DO NOTHING";

    private static final JsonSerde<AuditRecord> SERDE = JsonSerde.of(AuditRecord.class);

    @Override
    public String topic() {
        return AuditTopic.NAME;
    }

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            return;
        }
        AuditRecord r = SERDE.fromBytes(record.value());
        AuditEntry e = r.entry();
        batch.add(
                INSERT,
                Tuple.from(
                        new Object[] {
                            r.chain(),
                            r.seq(),
                            r.prevHash(),
                            r.hash(),
                            SqlValues.timestamp(e.at()),
                            e.subject(),
                            e.role(),
                            e.method(),
                            e.action(),
                            e.tenants().toArray(new String[0]),
                            e.allowed(),
                            e.status(),
                            e.remote(),
                            e.requestId(),
                            e.detail()
                        }));
    }
}
