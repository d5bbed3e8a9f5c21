package dev.pulse.warehouse.schema;

import dev.pulse.warehouse.WarehouseConnection;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades Pulse's tables with Flyway: the versioned scripts in {@code db/warehouse}
 * ({@code V1__…}, {@code V2__…}), applied in order once each, recorded in the schema's {@code
 * flyway_schema_history}. Only this step uses JDBC; rows go through the reactive client.
 */
public final class WarehouseMigrations {
    static final String LOCATION = "classpath:db/warehouse";

    private final WarehouseConnection connection;

    public WarehouseMigrations(WarehouseConnection connection) {
        this.connection = connection;
    }

    /** Brings the schema to the newest version; returns the version it is at. */
    public String migrate() {
        return migrate(MigrationVersion.LATEST);
    }

    /** Brings the schema up to {@code target} (tests of an upgrade start from an older one). */
    public String migrate(MigrationVersion target) {
        MigrateResult result = flyway(target).migrate();
        return result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : flyway(target).info().current().getVersion().getVersion();
    }

    private Flyway flyway(MigrationVersion target) {
        String schema = connection.settings().schema();
        return Flyway.configure(WarehouseMigrations.class.getClassLoader())
                .dataSource(connection.jdbcDataSource())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(LOCATION)
                .target(target)
                .load();
    }
}
