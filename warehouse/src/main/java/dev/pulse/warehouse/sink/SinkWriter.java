package dev.pulse.warehouse.sink;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes one batch in one PostgreSQL transaction: its rows, then the Kafka positions they came
 * from. Either both are stored or neither, so a restart that seeks to the stored positions neither
 * skips nor repeats a record; and every row is an upsert by natural key, so a repeat would change
 * nothing.
 */
final class SinkWriter {
    static final String SAVE_OFFSET =
            "INSERT INTO sink_offsets (consumer, topic, partition, next_offset, updated_at)"
                    + " VALUES ($1, $2, $3, $4, now())"
                    + " ON CONFLICT (consumer, topic, partition) DO UPDATE SET"
                    + " next_offset = EXCLUDED.next_offset, updated_at = now()";
    static final String LOAD_OFFSETS =
            "SELECT topic, partition, next_offset FROM sink_offsets WHERE consumer = $1";

    private final Pool pool;
    private final String consumer;
    private final Map<String, ColumnarUpsert> columnar = new HashMap<>();

    SinkWriter(Pool pool, String consumer, Collection<SinkTable> tables) {
        this.pool = pool;
        this.consumer = consumer;
        for (SinkTable table : tables) {
            table.columnar().forEach(c -> columnar.put(c.sql(), c));
        }
    }

    Future<Void> write(SinkBatch batch) {
        return pool.withTransaction(
                connection -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Map.Entry<String, List<Tuple>> rows : batch.rows().entrySet()) {
                        chain =
                                chain.compose(
                                        v -> execute(connection, rows.getKey(), rows.getValue()));
                    }
                    List<Tuple> offsets = new ArrayList<>();
                    batch.nextOffsets()
                            .forEach(
                                    (tp, next) ->
                                            offsets.add(
                                                    Tuple.of(
                                                            consumer,
                                                            tp.topic(),
                                                            tp.partition(),
                                                            next)));
                    return chain.compose(v -> execute(connection, SAVE_OFFSET, offsets));
                });
    }

    /** The stored position of every partition this sink has written. */
    Future<Map<TopicPartition, Long>> storedOffsets() {
        return pool.preparedQuery(LOAD_OFFSETS)
                .execute(Tuple.of(consumer))
                .map(
                        rows -> {
                            Map<TopicPartition, Long> out = new HashMap<>();
                            for (Row row : rows) {
                                out.put(
                                        new TopicPartition(
                                                row.getString("topic"),
                                                row.getInteger("partition")),
                                        row.getLong("next_offset"));
                            }
                            return out;
                        });
    }

    private Future<Void> execute(SqlConnection connection, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        ColumnarUpsert arrays = columnar.get(sql);
        if (arrays != null) {
            return connection.preparedQuery(sql).execute(arrays.columns(rows)).mapEmpty();
        }
        return connection.preparedQuery(sql).executeBatch(rows).mapEmpty();
    }
}
