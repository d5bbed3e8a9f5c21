package dev.pulse.warehouse.sink;

import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.List;

/**
 * An upsert written as one statement over arrays ({@code INSERT … SELECT … FROM unnest($1::text[],
 * …)}) instead of one statement per row: PostgreSQL plans and executes it once for the whole batch,
 * several times faster for the high-volume daily tables. The rows are built as usual, one tuple per
 * row; {@link #columns(List)} turns them into one tuple of arrays. A batch never holds two rows of
 * one key ({@link SinkBatch#upsert}), which {@code ON CONFLICT DO UPDATE} requires of one
 * statement.
 *
 * @param sql the statement, its parameters typed arrays in column order
 * @param types the element type of each array, as the client binds it
 */
record ColumnarUpsert(String sql, Class<?>... types) {

    Tuple columns(List<Tuple> rows) {
        Tuple arrays = Tuple.tuple();
        for (int column = 0; column < types.length; column++) {
            Object values = Array.newInstance(types[column], rows.size());
            for (int row = 0; row < rows.size(); row++) {
                Array.set(values, row, rows.get(row).getValue(column));
            }
            arrays.addValue(values);
        }
        return arrays;
    }
}
