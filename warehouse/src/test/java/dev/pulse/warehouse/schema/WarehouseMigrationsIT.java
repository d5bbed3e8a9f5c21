package dev.pulse.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.testing.LocalPostgres;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WarehouseMigrationsIT {
    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    @Test
    void createsEveryTableFromAnEmptyDatabase() {
        String version = new WarehouseMigrations(new WarehouseConnection(pg.settings())).migrate();

        assertThat(version).isEqualTo("2");
        assertThat(
                        pg.queryString(
                                "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM"
                                        + " information_schema.tables WHERE table_schema = 'pulse'"
                                        + " AND table_name <> 'flyway_schema_history'"))
                .isEqualTo(
                        "account_days,accounts,alert_transitions,alerts,audit_records,"
                                + "engagement_daily,follow_ups,score_daily,sink_offsets");
    }

    @Test
    void upgradesTheFirstVersionKeepingItsRows() {
        WarehouseMigrations migrations =
                new WarehouseMigrations(new WarehouseConnection(pg.settings()));
        assertThat(migrations.migrate(MigrationVersion.fromVersion("1"))).isEqualTo("1");
        pg.sql(
                "INSERT INTO pulse.accounts (tenant_id, owner, segment, arr) VALUES ('acme',"
                        + " 'sarah@example.com', 'enterprise', 120000)");
        assertThat(pg.queryLong("SELECT count(*) FROM pg_views WHERE viewname = 'account_days'"))
                .isZero();

        assertThat(migrations.migrate()).isEqualTo("2");

        assertThat(pg.queryString("SELECT owner FROM pulse.accounts WHERE tenant_id = 'acme'"))
                .isEqualTo("sarah@example.com");
        assertThat(
                        pg.queryLong(
                                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'pulse' AND"
                                        + " indexname = 'accounts_owner'"))
                .isEqualTo(1);
        assertThat(pg.queryLong("SELECT count(*) FROM pulse.account_days")).isZero();
    }

    @Test
    void runningAgainChangesNothing() {
        WarehouseMigrations migrations =
                new WarehouseMigrations(new WarehouseConnection(pg.settings()));
        migrations.migrate();

        assertThat(migrations.migrate()).isEqualTo("2");
        assertThat(pg.queryLong("SELECT count(*) FROM pulse.flyway_schema_history WHERE success"))
                .isEqualTo(3); // the schema creation and two versions
    }
}
