package dev.pulse.warehouse.sink;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code engagement_daily} from the changelog of the {@code engagement-daily} store: every
 * committed update of a tenant's day is the whole bucket, so the newest one wins.
 */
record EngagementTable(String topic) implements SinkTable {
    static final String UPSERT =
            "INSERT INTO engagement_daily (tenant_id, day, events, active_users, by_type, features,"
                + " nps_sum, nps_count, bucket, updated_at) VALUES ($1, $2, $3, $4,"
                + " $5::text::jsonb, $6::text::jsonb, $7, $8, $9, now()) ON CONFLICT (tenant_id,"
                + " day) DO UPDATE SET events = EXCLUDED.events, active_users ="
                + " EXCLUDED.active_users, by_type = EXCLUDED.by_type, features ="
                + " EXCLUDED.features, nps_sum = EXCLUDED.nps_sum, nps_count = EXCLUDED.nps_count,"
                + " bucket = EXCLUDED.bucket, updated_at = now()";

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            return;
        }
        SqlValues.WindowedKey key = SqlValues.windowedKey(record.key());
        EngagementBucket bucket = EngagementBucketSerde.fromBytes(record.value());
        batch.upsert(
                UPSERT,
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
