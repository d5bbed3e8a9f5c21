package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.warehouse.testing.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulse with a warehouse, as {@code PULSE_WAREHOUSE_URL=… ./pulse run} starts it: accounts and
 * usage events read from warehouse tables, results written back, an owner change carried by one
 * refresh, and history older than the stores answered from the warehouse.
 */
@ExtendWith(SharedKafkaBroker.class)
class WarehouseEndToEndIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension final LocalPostgres pg = new LocalPostgres();
    @TempDir Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String acme = "wh-" + run + "-acme";
    private final String beta = "wh-" + run + "-beta";
    private final String sarah = "sarah-" + run + "@wh.example";
    private final String tom = "tom-" + run + "@wh.example";
    private PulseApplication pulse;
    private PulseHttp http;

    @BeforeEach
    void start() {
        pg.sql(
                "CREATE TABLE crm_accounts (tenant_id text PRIMARY KEY, name text, owner text,"
                        + " licensed_seats int)");
        pg.sql(
                "INSERT INTO crm_accounts VALUES ('"
                        + acme
                        + "', 'Acme', '"
                        + sarah
                        + "', 10), ('"
                        + beta
                        + "', 'Beta', '"
                        + sarah
                        + "', 5)");
        pg.sql(
                "CREATE TABLE usage_events (id bigserial PRIMARY KEY, event_id text, tenant_id"
                        + " text, user_id text, type text, feature text, occurred_at timestamptz,"
                        + " properties jsonb)");
        PulseConfig base = TestPulse.config(stateDir, "wh-" + run);
        PulseConfig.Warehouse defaults = base.warehouse();
        PulseConfig.Warehouse warehouse =
                new PulseConfig.Warehouse(
                        pg.url(),
                        "",
                        "",
                        "pulse",
                        "disable",
                        "",
                        4,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(2),
                        defaults.sink(),
                        new PulseConfig.WarehouseEvents(
                                "events-" + run,
                                "usage_events",
                                "id",
                                defaults.events().columns(),
                                Duration.ofMillis(100),
                                500),
                        new PulseConfig.WarehouseDirectory(
                                "crm_accounts",
                                "tenantId=tenant_id,name=name,owner=owner,licensedSeats=licensed_seats",
                                Duration.ofHours(1)));
        pulse =
                PulseApplication.start(
                        base.withWarehouse(warehouse), PulseApplication.StartupProgress.SILENT);
        pulse.awaitRunning(DEADLINE);
        http = new PulseHttp(pulse.apiPort());
    }

    @AfterEach
    void stop() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void readsAccountsAndEventsFromTheWarehouseAndWritesResultsBack() {
        await().atMost(DEADLINE).until(() -> portfolio(sarah).size() == 2);
        Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        pg.sql(
                "INSERT INTO usage_events (event_id, tenant_id, user_id, type, feature,"
                        + " occurred_at) SELECT '"
                        + run
                        + "-' || g, '"
                        + acme
                        + "', 'u' || (g % 3), 'feature_used', 'reports', timestamptz '"
                        + hourAgo
                        + "' + g * interval '1 second' FROM generate_series(1, 50) g");

        await().atMost(DEADLINE)
                .until(
                        () ->
                                http.get("/v1/accounts/" + acme)
                                        .json()
                                        .path("engagement")
                                        .path("last7d")
                                        .path("events")
                                        .asLong(),
                        events -> events == 50);
        await().atMost(DEADLINE)
                .until(
                        () ->
                                pg.queryLong(
                                        "SELECT coalesce(sum(events), 0) FROM"
                                                + " pulse.engagement_daily WHERE tenant_id = '"
                                                + acme
                                                + "'"),
                        events -> events == 50);
        assertThat(
                        pg.queryString(
                                "SELECT owner FROM pulse.accounts WHERE tenant_id = '"
                                        + acme
                                        + "'"))
                .isEqualTo(sarah);

        JsonNode ready = http.get("/health/ready").json();
        assertThat(ready.path("warehouse").path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("warehouse").path("sink").path("up").asBoolean()).isTrue();
    }

    @Test
    void anOwnerChangeMovesTheAccountAndARemovedRowRemovesItWithOneRefreshEach() {
        await().atMost(DEADLINE).until(() -> portfolio(sarah).size() == 2);

        pg.sql("UPDATE crm_accounts SET owner = '" + tom + "' WHERE tenant_id = '" + beta + "'");
        PulseHttp.Response refresh =
                http.post("/v1/admin/warehouse/directory-refresh", "application/json", "");

        assertThat(refresh.status()).isEqualTo(200);
        assertThat(refresh.json().path("changedAccounts").asInt()).isEqualTo(1);
        await().atMost(DEADLINE)
                .until(
                        () ->
                                portfolio(tom).equals(List.of(beta))
                                        && portfolio(sarah).equals(List.of(acme)));

        pg.sql("DELETE FROM crm_accounts WHERE tenant_id = '" + acme + "'");
        PulseHttp.Response removal =
                http.post("/v1/admin/warehouse/directory-refresh", "application/json", "");
        assertThat(removal.json().path("changedAccounts").asInt()).isEqualTo(1);
        await().atMost(DEADLINE).until(() -> portfolio(sarah).isEmpty());
        await().atMost(DEADLINE)
                .until(
                        () ->
                                pg.queryLong(
                                        "SELECT count(*) FROM pulse.accounts WHERE tenant_id = '"
                                                + acme
                                                + "'"),
                        rows -> rows == 0);
        assertThat(portfolio(tom)).isEqualTo(List.of(beta));
        assertThat(
                        http.as("someone-" + run + "@wh.example")
                                .post(
                                        "/v1/admin/warehouse/directory-refresh",
                                        "application/json",
                                        "")
                                .status())
                .isIn(401, 403);
    }

    @Test
    void answersScoresOlderThanTheStoresKeepFromTheWarehouse() throws Exception {
        await().atMost(DEADLINE).until(() -> portfolio(sarah).size() == 2);
        await().atMost(DEADLINE).until(() -> pulse.warehouse().started().isDone());
        // Three years ago: two years of daily retention left nothing of it in the stores.
        LocalDate old = LocalDate.now().minusYears(3).withDayOfMonth(1);
        for (int d = 0; d < 3; d++) {
            Instant end = old.plusDays(d + 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            HealthScore score =
                    new HealthScore(
                            acme,
                            60 + d,
                            Band.NEUTRAL,
                            "v1",
                            end.minusMillis(1),
                            null,
                            null,
                            List.of(),
                            null,
                            null,
                            null,
                            null);
            pg.sql(
                    "INSERT INTO pulse.score_daily (tenant_id, day, score, band, model_version,"
                            + " as_of, contributions, at_risk, snapshot) VALUES ('"
                            + acme
                            + "', '"
                            + old.plusDays(d)
                            + "', "
                            + (60 + d)
                            + ", 'neutral', 'v1', now(), '[]', false, '"
                            + PulseJson.mapper().writeValueAsString(score)
                            + "')");
        }

        JsonNode series =
                http.get(
                                "/v1/accounts/"
                                        + acme
                                        + "/timeseries?metric=health_score&step=day&from="
                                        + old
                                        + "T00:00:00Z&to="
                                        + old.plusDays(3)
                                        + "T00:00:00Z")
                        .json();

        assertThat(series.path("points")).hasSize(3);
        assertThat(series.path("points").get(2).path("value").asDouble()).isEqualTo(62.0);
    }

    private List<String> portfolio(String owner) {
        List<String> tenants = new java.util.ArrayList<>();
        http.get("/v1/portfolio?owner=" + owner)
                .json()
                .path("accounts")
                .forEach(a -> tenants.add(a.path("tenantId").asText()));
        return tenants.stream().sorted().toList();
    }
}
