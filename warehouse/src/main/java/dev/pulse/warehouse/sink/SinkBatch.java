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
 * the last record they came from, per partition. Within one statement rows keep the records' order,
 * so the newest value of a key is written last.
 */
final class SinkBatch {
    private final Map<String, List<Tuple>> rows = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private int records;
    private int rowCount;

    void add(String statement, Tuple row) {
        rows.computeIfAbsent(statement, s -> new ArrayList<>()).add(row);
        rowCount++;
    }

    /** Records the position after {@code offset}; called for every record, written or skipped. */
    void consumed(TopicPartition partition, long offset) {
        nextOffsets.put(partition, offset + 1);
        records++;
    }

    Map<String, List<Tuple>> rows() {
        return rows;
    }

    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    int records() {
        return records;
    }

    int rowCount() {
        return rowCount;
    }

    boolean isEmpty() {
        return records == 0;
    }
}
