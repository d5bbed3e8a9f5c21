package dev.pulse.warehouse.sink;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Rows of one transaction, grouped by statement in first-seen order, and the Kafka position after
 * the last record they came from, per partition. An upsert of a key already in the batch replaces
 * the earlier row: a changelog carries every update of a busy day's bucket, and only the newest is
 * worth writing, which is what lets the sink keep up with the topology.
 */
final class SinkBatch {
    private final Map<String, Map<Object, Tuple>> rows = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private int records;
    private int appended;

    /** A row that replaces any earlier row of the same statement and natural key. */
    void upsert(String statement, Object naturalKey, Tuple row) {
        rows.computeIfAbsent(statement, s -> new LinkedHashMap<>()).put(naturalKey, row);
    }

    /** A row of its own (one record, one row), never replaced. */
    void add(String statement, Tuple row) {
        rows.computeIfAbsent(statement, s -> new LinkedHashMap<>()).put(appended++, row);
    }

    /** Records the position after {@code offset}; called for every record, written or skipped. */
    void consumed(TopicPartition partition, long offset) {
        nextOffsets.put(partition, offset + 1);
        records++;
    }

    /** Statements in first-seen order, each with its rows. */
    Map<String, List<Tuple>> rows() {
        Map<String, List<Tuple>> out = new LinkedHashMap<>();
        rows.forEach((statement, byKey) -> out.put(statement, new ArrayList<>(byKey.values())));
        return out;
    }

    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    int records() {
        return records;
    }

    int rowCount() {
        return rows.values().stream().mapToInt(Map::size).sum();
    }

    boolean isEmpty() {
        return records == 0;
    }
}
