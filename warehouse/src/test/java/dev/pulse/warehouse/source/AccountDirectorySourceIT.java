package dev.pulse.warehouse.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.ingest.KafkaEventPublisher;
import dev.pulse.streams.runtime.KafkaTopics;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.testing.LocalPostgres;
import dev.pulse.warehouse.testing.TopicContents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SharedKafkaBroker.class)
class AccountDirectorySourceIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final JsonSerde<Account> ACCOUNT_JSON = JsonSerde.of(Account.class);

    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private Vertx vertx;
    private Pool pool;
    private KafkaEventPublisher publisher;
    private AccountDirectorySource source;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WarehouseHealth health = new WarehouseHealth(Clock.systemUTC());

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        pool = new WarehouseConnection(pg.settings()).pool(vertx);
        KafkaTopics.ensure(
                SharedKafkaBroker.bootstrapServers(),
                List.of(new NewTopic(PulseTopics.ACCOUNTS.name(), 2, (short) 1)));
        publisher = new KafkaEventPublisher(SharedKafkaBroker.bootstrapServers());
        pg.sql(
                "CREATE TABLE crm_accounts (account_id text PRIMARY KEY, account_name text,"
                        + " am_email text, tier text, annual_value numeric(12,2), renews_on date)");
        pg.sql(
                "INSERT INTO crm_accounts VALUES ('a-"
                        + id
                        + "', 'Acme', 'sarah@example.com', 'enterprise', 120000.50, '2026-06-30'),"
                        + " ('b-"
                        + id
                        + "', 'Beta', 'sarah@example.com', 'mid-market', 30000, NULL)");
        source = source();
    }

    /** A source on this test's table; a second one is what a restarted Pulse would start. */
    private AccountDirectorySource source() {
        return new AccountDirectorySource(
                SharedKafkaBroker.connection(),
                new WarehouseSettings.DirectorySource(
                        "crm_accounts",
                        Map.of(
                                "tenantId", "account_id",
                                "name", "account_name",
                                "owner", "am_email",
                                "segment", "tier",
                                "arr", "annual_value",
                                "renewalDate", "renews_on"),
                        Duration.ofHours(1)),
                pool,
                registry,
                health);
    }

    @AfterEach
    void tearDown() throws Exception {
        // Every test's source removes the warehouse accounts its table lacks: leave none behind.
        for (String tenant : List.of("a-" + id, "b-" + id, "c-" + id)) {
            publisher.publish(PulseTopics.ACCOUNTS, tenant, null).get(30, TimeUnit.SECONDS);
        }
        source.close();
        publisher.close();
        pool.close().await();
        vertx.close().await();
    }

    @Test
    void oneInstanceRefreshesOnScheduleAndAnotherTakesOverWhenItStops() throws Exception {
        List<AccountDirectorySource> open =
                new ArrayList<>(List.of(source().start(), source().start()));
        try {
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    open.stream()
                                            .anyMatch(AccountDirectorySource::refreshesOnSchedule));
            AccountDirectorySource runner =
                    open.stream()
                            .filter(AccountDirectorySource::refreshesOnSchedule)
                            .findFirst()
                            .orElseThrow();
            AccountDirectorySource standby = open.get(0) == runner ? open.get(1) : open.get(0);
            // The runner's first refresh, at once when it took the lease.
            await().atMost(DEADLINE).until(() -> latest().containsKey("b-" + id));
            assertThat(standby.refreshesOnSchedule()).isFalse();

            // Changed while the runner waits for its next refresh (an hour away), then it stops.
            pg.sql(
                    "UPDATE crm_accounts SET am_email = 'tom@example.com' WHERE account_id = 'a-"
                            + id
                            + "'");
            runner.close();
            open.remove(runner);
            await().atMost(DEADLINE).until(standby::refreshesOnSchedule);
            await().atMost(DEADLINE)
                    .until(
                            () -> {
                                Account a = latest().get("a-" + id);
                                return a != null && "tom@example.com".equals(a.owner());
                            });
        } finally {
            open.forEach(AccountDirectorySource::close);
        }
    }

    @Test
    void anOwnerChangeIsPublishedByTheNextRefreshAndNothingElse() throws Exception {
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(latest().get("a-" + id))
                .isEqualTo(
                        new Account(
                                        "a-" + id,
                                        "Acme",
                                        "sarah@example.com",
                                        null,
                                        null,
                                        null,
                                        120000.5,
                                        java.time.LocalDate.of(2026, 6, 30),
                                        "enterprise")
                                .withOrigin(Account.FROM_WAREHOUSE));

        pg.sql(
                "UPDATE crm_accounts SET am_email = 'tom@example.com' WHERE account_id = 'a-"
                        + id
                        + "'");
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(latest().get("a-" + id).owner()).isEqualTo("tom@example.com");
        assertThat(latest().get("b-" + id).owner()).isEqualTo("sarah@example.com");

        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aRowThatLeavesTheTableRemovesItsAccountAndNothingLoadedAnotherWay() throws Exception {
        Account fromApi =
                new Account(
                        "c-" + id,
                        "Gamma",
                        "sarah@example.com",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        publisher.publishAccounts(List.of(fromApi)).get(30, TimeUnit.SECONDS);
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(2);

        pg.sql("DELETE FROM crm_accounts WHERE account_id = 'b-" + id + "'");
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(latest().keySet()).containsExactlyInAnyOrder("a-" + id, "c-" + id);
        assertThat(latest().get("c-" + id)).isEqualTo(fromApi);
        assertThat(registry.get("pulse.warehouse.directory.removed").counter().count())
                .isEqualTo(1);
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aRestartedSourcePublishesOnlyWhatChangedWhileItWasDown() throws Exception {
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(2);
        source.close();
        pg.sql("DELETE FROM crm_accounts WHERE account_id = 'a-" + id + "'");
        pg.sql("UPDATE crm_accounts SET tier = 'enterprise' WHERE account_id = 'b-" + id + "'");

        source = source();
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(2);

        assertThat(latest().keySet()).containsExactly("b-" + id);
        assertThat(latest().get("b-" + id).segment()).isEqualTo("enterprise");
    }

    @Test
    void anEmptyTableRemovesNothingAndSaysWhy() throws Exception {
        assertThat(source.refresh().get(30, TimeUnit.SECONDS)).isEqualTo(2);
        pg.sql("DELETE FROM crm_accounts");

        assertThatThrownBy(() -> source.refresh().get(30, TimeUnit.SECONDS))
                .hasMessageContaining("crm_accounts returned no rows")
                .hasMessageContaining("the 2 accounts it listed before are kept");
        assertThat(latest().keySet()).containsExactlyInAnyOrder("a-" + id, "b-" + id);
        assertThat(health.up()).isFalse();
    }

    /** The newest account record of this test's tenants; removed ones are absent. */
    private Map<String, Account> latest() {
        Map<String, Account> out = new LinkedHashMap<>();
        TopicContents.read(SharedKafkaBroker.bootstrapServers(), PulseTopics.ACCOUNTS.name())
                .stream()
                .filter(r -> r.key().endsWith(id))
                .forEach(
                        r -> {
                            if (r.value() == null) {
                                out.remove(r.key());
                            } else {
                                out.put(r.key(), ACCOUNT_JSON.fromBytes(r.value()));
                            }
                        });
        return out;
    }
}
