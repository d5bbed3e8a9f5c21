package dev.pulse.warehouse.testing;

import dev.pulse.warehouse.WarehouseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a fresh database on the local PostgreSQL (127.0.0.1:5432, user postgres, trust)
 * for each test, dropped after it, its sessions ended first. A test that cannot reach the server
 * fails and says how to start it.
 *
 * <p>Register it as a field, {@code @RegisterExtension final LocalPostgres pg = new
 * LocalPostgres();}, then use {@link #url()} or {@link #settings()}.
 */
public final class LocalPostgres implements BeforeEachCallback, AfterEachCallback {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    static final String HOW_TO_START =
            " (user postgres, trust auth). These tests need it: start it with"
                    + " `pg_ctlcluster --skip-systemctl-redirect 15 main start`.";

    private final int port;
    private String database;

    public LocalPostgres() {
        this(PORT);
    }

    /** At another port: only for proving what a test says when the server is not there. */
    LocalPostgres(int port) {
        this.port = port;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = "pulse_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + database);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database
                        + "' AND pid <> pg_backend_pid()");
        execute("DROP DATABASE IF EXISTS " + database);
    }

    public String database() {
        return database;
    }

    /**
     * {@code postgresql://postgres@127.0.0.1:5432/<database>}, as {@code warehouse.url} takes it.
     */
    public String url() {
        return "postgresql://postgres@" + HOST + ":" + port + "/" + database;
    }

    public WarehouseSettings settings() {
        return WarehouseSettings.of(url(), "pulse");
    }

    /** Ends every session Pulse holds on this test's database: a database "failing" mid-run. */
    public int terminatePulseSessions() {
        return queryLong(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE"
                                + " datname = '"
                                + database
                                + "' AND application_name LIKE 'pulse%'")
                .intValue();
    }

    /**
     * Makes the server refuse new connections to this test's database and ends the open ones (as an
     * outage does), or accepts them again.
     */
    public void refuseConnections(boolean refuse) {
        execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
        if (refuse) {
            execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                            + database
                            + "'");
        }
    }

    /** Runs SQL in this test's database. */
    public void sql(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query in this test's database. */
    public Long queryLong(String sql) {
        List<List<Object>> rows = rows(sql);
        Object value = rows.isEmpty() ? null : rows.get(0).get(0);
        return value == null ? null : ((Number) value).longValue();
    }

    public String queryString(String sql) {
        List<List<Object>> rows = rows(sql);
        Object value = rows.isEmpty() ? null : rows.get(0).get(0);
        return value == null ? null : value.toString();
    }

    public List<List<Object>> rows(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + HOST + ":" + port + "/" + database, "postgres", "");
    }

    private void execute(String sql) {
        String admin = "jdbc:postgresql://" + HOST + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState())
                    || e.getMessage().toLowerCase(Locale.ROOT).contains("connection")) {
                throw new IllegalStateException(
                        "PostgreSQL is not reachable at "
                                + HOST
                                + ":"
                                + port
                                + HOW_TO_START
                                + " ("
                                + e.getMessage()
                                + ")",
                        e);
            }
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
