package dev.pulse.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarehouseSettingsTest {
    @Test
    void defaultsToSchemaPulse() {
        assertThat(WarehouseSettings.of("postgresql://u@h/db", "").schema()).isEqualTo("pulse");
    }

    @Test
    void refusesASchemaThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> WarehouseSettings.of("postgresql://u@h/db", "pulse; DROP"))
                .hasMessageContaining("warehouse.schema");
    }

    @Test
    void takesUserPasswordAndTlsFromTheSettingsOverTheUrl() {
        WarehouseSettings settings =
                new WarehouseSettings(
                        "postgresql://reader@db.example.com:6543/analytics",
                        "pulse",
                        "s3cret",
                        "pulse",
                        "require",
                        "",
                        2,
                        java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(5),
                        WarehouseSettings.Sink.DEFAULT,
                        WarehouseSettings.EventSource.OFF,
                        WarehouseSettings.DirectorySource.OFF);

        WarehouseConnection connection = new WarehouseConnection(settings);

        assertThat(connection.describe()).isEqualTo("db.example.com:6543/analytics");
        org.postgresql.ds.PGSimpleDataSource jdbc =
                (org.postgresql.ds.PGSimpleDataSource) connection.jdbcDataSource();
        assertThat(jdbc.getUser()).isEqualTo("pulse");
        assertThat(jdbc.getSslMode()).isEqualTo("require");
        assertThat(jdbc.getPortNumbers()).containsExactly(6543);
    }
}
