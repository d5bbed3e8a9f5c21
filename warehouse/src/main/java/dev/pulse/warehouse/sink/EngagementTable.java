package dev.pulse.warehouse.sink;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code engagement_daily} from the changelog of the {@code engagement-daily} store: every
 * committed update of a tenant's day is the whole bucket, so the newest one wins.
 */
record EngagementTable(String topic) implements SinkTable {
    static final ColumnarUpsert UPSERT =
            new ColumnarUpsert(
                    "INSERT INTO engagement_daily (tenant_id, day, events, active_users, by_type,"
                        + " features, nps_sum, nps_count, bucket, updated_at) SELECT t, d, e, u,"
                        + " bt::jsonb, f::jsonb, ns, nc, b, now() FROM unnest($1::text[],"
                        + " $2::date[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::int8[],"
                        + " $8::int8[], $9::bytea[]) AS r(t, d, e, u, bt, f, ns, nc, b) ON CONFLICT"
                        + " (tenant_id, day) DO UPDATE SET events = EXCLUDED.events, active_users ="
                        + " EXCLUDED.active_users, by_type = EXCLUDED.by_type, features ="
                        + " EXCLUDED.features, nps_sum = EXCLUDED.nps_sum, nps_count ="
                        + " EXCLUDED.nps_count, bucket = EXCLUDED.bucket, updated_at = now()",
                    String.class,
                    LocalDate.class,
                    Long.class,
                    Long.class,
                    String.class,
                    String.class,
                    Long.class,
                    Long.class,
                    Buffer.class);

    @Override
    public List<ColumnarUpsert> columnar() {
        return List.of(UPSERT);
    }

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            return;
        }
        SqlValues.WindowedKey key = SqlValues.windowedKey(record.key());
        EngagementBucket bucket = EngagementBucketSerde.fromBytes(record.value());
        batch.upsert(
                UPSERT.sql(),
                key.key() + "/" + key.windowStart(),
                Tuple.from(
                        new Object[] {
                            key.key(),
                            UtcDays.dayOf(key.windowStart()),
                            bucket.events(),
                            bucket.activeUsers(),
                            SqlValues.json(bucket.byType()),
                            SqlValues.json(bucket.features()),
                            bucket.npsSum(),
                            bucket.npsCount(),
                            Buffer.buffer(EngagementBucketSerde.toBytes(bucket))
                        }));
    }
}
