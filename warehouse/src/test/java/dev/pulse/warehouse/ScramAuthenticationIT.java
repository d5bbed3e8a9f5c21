package dev.pulse.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.warehouse.schema.WarehouseMigrations;
import dev.pulse.warehouse.testing.ScramPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A warehouse that takes only SCRAM password logins, PostgreSQL's default since 14: both of Pulse's
 * ways in (the migrations over JDBC and the Vert.x pool every row goes through) log in.
 */
class ScramAuthenticationIT {
    @RegisterExtension static final ScramPostgres PG = new ScramPostgres();

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void migratesAndReadsWithTheRightPassword() throws Exception {
        WarehouseConnection connection =
                new WarehouseConnection(PG.settings(ScramPostgres.PASSWORD));

        assertThat(new WarehouseMigrations(connection).migrate()).isEqualTo("2");

        Pool pool = connection.pool(vertx);
        Row row =
                pool.query(
                                "SELECT a.auth_method, (SELECT count(*) FROM accounts),"
                                        + " (SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM"
                                        + " pg_authid WHERE rolname = current_user)"
                                        + " FROM (SELECT DISTINCT auth_method FROM"
                                        + " pg_hba_file_rules WHERE type = 'host') a")
                        .execute()
                        .await(30, TimeUnit.SECONDS)
                        .iterator()
                        .next();
        assertThat(row.getString(0)).isEqualTo("scram-sha-256");
        assertThat(row.getLong(1)).isZero(); // Pulse's accounts table, through the search path
        assertThat(row.getBoolean(2)).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersReason() {
        Pool pool = new WarehouseConnection(PG.settings("not-the-password")).pool(vertx);

        assertThatThrownBy(() -> pool.query("SELECT 1").execute().await(30, TimeUnit.SECONDS))
                .hasMessageContaining("password authentication failed for user \"postgres\"");
    }
}
