package dev.pulse.warehouse.source;

import dev.pulse.warehouse.WarehouseSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the usage-event source: the next rows after a cursor, in cursor order. The cursor is
 * compared in the column's own type, found once in the catalogue. A batch never ends inside a run
 * of equal cursor values, so a cursor that is monotonic but not unique (a commit timestamp) loses
 * no row at a batch boundary.
 */
final class EventQuery {
    /** Event fields the mapping may name; the first four are required. */
    static final List<String> FIELDS =
            List.of("eventId", "tenantId", "type", "timestamp", "userId", "feature", "properties");

    private static final String TYPE_OF =
            "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                    + " WHERE a.attrelid = CAST($1 AS text)::regclass AND a.attname = $2";

    private final String table;
    private final String cursorColumn;
    private final Map<String, String> columns = new LinkedHashMap<>();
    private String first;
    private String after;
    private String at;

    EventQuery(WarehouseSettings.EventSource settings) {
        this.table = SqlNames.table(settings.table(), "warehouse.events.table");
        this.cursorColumn =
                SqlNames.column(settings.cursorColumn(), "warehouse.events.cursorColumn");
        for (String field : FIELDS) {
            String column = settings.columns().get(field);
            if (column != null && !column.isBlank()) {
                columns.put(field, SqlNames.column(column, "warehouse.events.columns." + field));
            } else if (FIELDS.indexOf(field) < 4) {
                throw new IllegalArgumentException(
                        "warehouse.events.columns must map " + field + " to a column");
            }
        }
        for (String field : settings.columns().keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        "warehouse.events.columns: unknown event field '"
                                + field
                                + "' (one of "
                                + FIELDS
                                + ")");
            }
        }
    }

    Map<String, String> columns() {
        return columns;
    }

    String table() {
        return table;
    }

    String cursorColumn() {
        return cursorColumn;
    }

    /** Looks up the cursor column's type; the statements exist after this succeeds. */
    Future<Void> prepare(Pool pool) {
        if (after != null) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery(TYPE_OF)
                .execute(Tuple.of(table, cursorColumn))
                .map(
                        rows -> {
                            if (rows.size() == 0) {
                                throw new IllegalStateException(
                                        "warehouse.events: no column "
                                                + cursorColumn
                                                + " in "
                                                + table);
                            }
                            String type = rows.iterator().next().getString(0);
                            String select =
                                    "SELECT CAST("
                                            + cursorColumn
                                            + " AS text) AS pulse_cursor, "
                                            + String.join(", ", columns.values())
                                            + " FROM "
                                            + table;
                            first = select + " ORDER BY " + cursorColumn + " LIMIT $1";
                            after =
                                    select
                                            + " WHERE "
                                            + cursorColumn
                                            + " > CAST(CAST($1 AS text) AS "
                                            + type
                                            + ") ORDER BY "
                                            + cursorColumn
                                            + " LIMIT $2";
                            at =
                                    select
                                            + " WHERE "
                                            + cursorColumn
                                            + " = CAST(CAST($1 AS text) AS "
                                            + type
                                            + ")";
                            return null;
                        });
    }

    /**
     * Rows after {@code cursor} (null: from the start), at most {@code limit} unless one run of
     * equal cursors is longer. One row more than asked is read to see whether the last run goes on.
     */
    Future<List<Row>> next(Pool pool, String cursor, int limit) {
        Future<List<Row>> rows =
                cursor == null
                        ? list(pool.preparedQuery(first).execute(Tuple.of(limit + 1)))
                        : list(pool.preparedQuery(after).execute(Tuple.of(cursor, limit + 1)));
        return rows.compose(
                batch -> {
                    if (batch.size() <= limit) {
                        return Future.succeededFuture(batch);
                    }
                    String last = batch.get(limit - 1).getString("pulse_cursor");
                    List<Row> whole = new ArrayList<>(batch.subList(0, limit));
                    if (!last.equals(batch.get(limit).getString("pulse_cursor"))) {
                        return Future.succeededFuture(whole);
                    }
                    // The run of the last cursor value goes on past the batch: leave it whole for
                    // the next read, or, when it fills the batch, read all of it now.
                    while (!whole.isEmpty()
                            && last.equals(whole.get(whole.size() - 1).getString("pulse_cursor"))) {
                        whole.remove(whole.size() - 1);
                    }
                    if (!whole.isEmpty()) {
                        return Future.succeededFuture(whole);
                    }
                    return list(pool.preparedQuery(at).execute(Tuple.of(last)));
                });
    }

    private static Future<List<Row>> list(Future<io.vertx.sqlclient.RowSet<Row>> rows) {
        return rows.map(
                set -> {
                    List<Row> out = new ArrayList<>(set.size());
                    set.forEach(out::add);
                    return out;
                });
    }
}
