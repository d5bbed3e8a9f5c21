package dev.pulse.warehouse.source;

import dev.pulse.warehouse.WarehouseConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a backfill reads of the configured usage-event table: every row up to a cursor value fixed
 * when the backfill starts, as one query whose columns carry the event fields' names. Rows written
 * later belong to the live source ({@link UsageEventSource}), which resumes after that value once
 * the backfill hands it over ({@link SourceCursors#handOver}).
 *
 * @param sql the query; its one parameter is {@code through}
 * @param through the last cursor value read, as text
 * @param jdbcUrl the warehouse as JDBC sees it, without credentials
 */
public record EventTableSnapshot(
        String table,
        String cursorColumn,
        String sql,
        String through,
        String jdbcUrl,
        String user,
        String password) {

    private static final String TYPE_OF =
            "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                    + " WHERE a.attrelid = CAST(? AS text)::regclass AND a.attname = ?";

    /**
     * The rows up to {@code through}, or (null) up to the table's current last cursor value; empty
     * when there is no row to read.
     *
     * @throws IllegalArgumentException when the mapping names no table, or a table or cursor column
     *     the warehouse does not have
     */
    public static Optional<EventTableSnapshot> of(WarehouseConnection warehouse, String through)
            throws SQLException {
        var settings = warehouse.settings().events();
        if (!settings.enabled()) {
            throw new IllegalArgumentException(
                    "warehouse.events.table is not set: there is no event table to read");
        }
        EventQuery query = new EventQuery(settings);
        String jdbcUrl = warehouse.jdbcUrl("pulse-backfill");
        // The URL the job's readers use, so these lookups see the tables they will read.
        try (Connection connection = connect(jdbcUrl, warehouse)) {
            String type = cursorType(connection, query);
            String last = through != null ? through : lastCursor(connection, query);
            if (last == null) {
                return Optional.empty();
            }
            List<String> columns = new ArrayList<>();
            query.columns()
                    .forEach((field, column) -> columns.add(column + " AS \"" + field + '"'));
            String sql =
                    "SELECT "
                            + String.join(", ", columns)
                            + " FROM "
                            + query.table()
                            + " WHERE "
                            + query.cursorColumn()
                            + " <= CAST(CAST(? AS text) AS "
                            + type
                            + ")";
            return Optional.of(
                    new EventTableSnapshot(
                            query.table(),
                            query.cursorColumn(),
                            sql,
                            last,
                            jdbcUrl,
                            warehouse.user(),
                            warehouse.password()));
        }
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "EventTableSnapshot[" + describe() + ", " + jdbcUrl + ", user " + user + "]";
    }

    /** For the console: "usage_events up to id 48213". */
    public String describe() {
        return "table " + table + " up to " + cursorColumn + " " + through;
    }

    private static Connection connect(String jdbcUrl, WarehouseConnection warehouse)
            throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", warehouse.user());
        if (!warehouse.password().isEmpty()) {
            credentials.setProperty("password", warehouse.password());
        }
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    private static String cursorType(Connection connection, EventQuery query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TYPE_OF)) {
            select.setString(1, query.table());
            select.setString(2, query.cursorColumn());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException(
                            "warehouse.events: no column "
                                    + query.cursorColumn()
                                    + " in "
                                    + query.table());
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new IllegalArgumentException(
                        "warehouse.events: no table " + query.table() + " in the warehouse", e);
            }
            throw e;
        }
    }

    private static String lastCursor(Connection connection, EventQuery query) throws SQLException {
        try (PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT CAST(max("
                                        + query.cursorColumn()
                                        + ") AS text) FROM "
                                        + query.table());
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
