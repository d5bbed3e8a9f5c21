package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.bench.PipelineCounters;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.LocalStateReader;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.warehouse.source.SourceCursors;
import dev.pulse.warehouse.testing.LocalPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same events, replayed through the live topology into one deployment and backfilled with
 * {@code pulse history backfill} (the Flink job on its in-process MiniCluster) from a warehouse
 * table into another, give identical daily engagement and identical end-of-day scores with their
 * at-risk decisions; a backfill from files over what live traffic already counted changes nothing.
 * Each deployment has a broker of its own, so the two cannot see each other's records.
 */
class BackfillEndToEndIT {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    private static final int DAYS = 75;
    private static final int TENANTS = 8;
    private static final String FADING = "bf-tenant-0";

    @TempDir Path dir;

    @RegisterExtension final LocalPostgres postgres = new LocalPostgres();

    @Test
    void backfillAndReplayGiveTheSameDailyEngagementAndScores() throws Exception {
        List<String> events = history();
        Path file = dir.resolve("events.ndjson");
        Files.write(file, events, StandardCharsets.UTF_8);
        Instant from = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = FIRST.plusDays(DAYS + 1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<String, String> replayed;
        try (PulseApplication pulse = start("replay")) {
            send(pulse.bootstrapServers(), events);
            closeTheLastDay(pulse.bootstrapServers());
            replayed = settledState(pulse, from, to);

            // The same events backfilled over what live traffic counted: warned, and nothing
            // counted twice.
            String again = backfill(file.getParent(), pulse.bootstrapServers());
            assertThat(again).contains("Warning: pulse.usage-events.v1 already holds");
            PipelineCounters counters = new PipelineCounters(pulse.meterRegistry());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> counters.backfilledDays() == tenantDays(again));
            assertThat(settledState(pulse, from, to)).isEqualTo(replayed);
        }

        // The second deployment backfills the same events from a warehouse table instead.
        Path config = eventTable(events);
        Map<String, String> backfilled;
        try (PulseApplication pulse = start("backfill")) {
            StringWriter refused = new StringWriter();
            CommandLine cli = new CommandLine(new PulseMain());
            cli.setErr(new PrintWriter(refused));
            assertThat(
                            cli.execute(
                                    "history",
                                    "backfill",
                                    "--from-warehouse",
                                    "-c",
                                    warehouseConfig("no_such_events").toString(),
                                    "--bootstrap-servers",
                                    pulse.bootstrapServers()))
                    .as("a table the warehouse does not have is a usage error")
                    .isEqualTo(2);
            assertThat(refused.toString())
                    .contains("warehouse.events: no table no_such_events in the warehouse");
            String out =
                    run(
                            "history",
                            "backfill",
                            "--from-warehouse",
                            "-c",
                            config.toString(),
                            "--bootstrap-servers",
                            pulse.bootstrapServers(),
                            "--parallelism",
                            "2");
            assertThat(out)
                    .contains(
                            "Backfill: reading table usage_events up to id "
                                    + events.size()
                                    + " on in-process Flink")
                    .doesNotContain("Warning")
                    .containsPattern(
                            "Backfill done in .* s: "
                                    + String.format("%,d", events.size())
                                    + " events read \\(0 rejected, [1-9][0-9]* duplicates\\)")
                    .contains("The warehouse source 'events' resumes after id " + events.size());
            assertThat(
                            SourceCursors.read(
                                    KafkaConnection.to(pulse.bootstrapServers()),
                                    "events",
                                    Duration.ofSeconds(30)))
                    .as("the live source carries on after the rows backfilled")
                    .hasValue(Integer.toString(events.size()));
            closeTheLastDay(pulse.bootstrapServers());
            backfilled = settledState(pulse, from, to);
        }

        assertThat(replayed).hasSize(TENANTS);
        assertThat(backfilled).isEqualTo(replayed);
        assertThat(replayed.get(FADING))
                .as("a decision worth comparing")
                .contains("\"atRisk\":true");
    }

    /** The tenant-days a backfill's summary line says it wrote. */
    private static long tenantDays(String output) {
        Matcher days = Pattern.compile("into ([0-9,]+) tenant-days").matcher(output);
        assertThat(days.find()).as(output).isTrue();
        return Long.parseLong(days.group(1).replace(",", ""));
    }

    /**
     * Runs {@code pulse history backfill} over the directory's NDJSON files; returns its output.
     */
    private static String backfill(Path dir, String bootstrap) {
        return run(
                "history",
                "backfill",
                "--from-files",
                dir + "/*.ndjson",
                "--bootstrap-servers",
                bootstrap,
                "--parallelism",
                "2");
    }

    /** Runs a {@code pulse} command that must succeed; returns its output. */
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PulseMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    /**
     * The events as rows of a warehouse table, in the order they came (its identity column is the
     * cursor), and a configuration that maps it; returns the configuration file.
     */
    private Path eventTable(List<String> events) throws Exception {
        postgres.sql(
                "CREATE TABLE usage_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " event_id text, tenant_id text, user_id text, type text, feature text,"
                        + " occurred_at timestamptz, properties jsonb)");
        try (Connection connection =
                        DriverManager.getConnection(
                                "jdbc:postgresql://127.0.0.1:5432/"
                                        + postgres.database()
                                        + "?user=postgres");
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO usage_events (event_id, tenant_id, user_id, type,"
                                        + " feature, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String json : events) {
                JsonNode event = PulseJson.mapper().readTree(json);
                insert.setString(1, event.get("eventId").asText());
                insert.setString(2, event.get("tenantId").asText());
                insert.setString(3, event.get("userId").asText());
                insert.setString(4, event.get("type").asText());
                insert.setString(5, event.path("feature").asText(null));
                insert.setObject(
                        6,
                        OffsetDateTime.ofInstant(
                                Instant.parse(event.get("timestamp").asText()), ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return warehouseConfig("usage_events");
    }

    /** A configuration whose warehouse source reads {@code table} with the default mapping. */
    private Path warehouseConfig(String table) throws Exception {
        Path config = dir.resolve(table + ".yaml");
        Files.writeString(
                config,
                "warehouse:\n  url: "
                        + postgres.url()
                        + "\n  sslMode: disable\n  events:\n    table: "
                        + table
                        + "\n");
        return config;
    }

    /** Each tenant's daily engagement and end-of-day scores, once they stop changing. */
    private static Map<String, String> settledState(
            PulseApplication pulse, Instant from, Instant to) {
        TenantStateReader reader = new LocalStateReader(pulse.streams().kafkaStreams());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () ->
                                reader.dailyScores(FADING, from, to).size() == DAYS
                                        && reader.dailyScores("bf-tenant-7", from, to).size()
                                                == DAYS);
        Map<String, String> state = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(
                        () -> {
                            Map<String, String> now = read(reader, from, to);
                            boolean same = now.equals(state) && now.size() == TENANTS;
                            state.clear();
                            state.putAll(now);
                            return same;
                        });
        // The API reads current scores from the scoring's decoded copy: it holds what the store
        // does.
        TenantStateReader decoded =
                new LocalStateReader(
                        pulse.streams().kafkaStreams(), pulse.streams().currentScores());
        List<String> tenants = new ArrayList<>(state.keySet());
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> {
                            Map<String, HealthScore> copy = decoded.currentScores(tenants);
                            return copy.size() == TENANTS
                                    && copy.equals(reader.currentScores(tenants));
                        });
        return state;
    }

    private static Map<String, String> read(TenantStateReader reader, Instant from, Instant to) {
        Map<String, String> state = new TreeMap<>();
        for (int t = 0; t < TENANTS; t++) {
            String tenant = "bf-tenant-" + t;
            StringBuilder text = new StringBuilder();
            for (EngagementPoint day :
                    reader.engagement(tenant, TenantStateReader.Granularity.DAY, from, to)) {
                text.append(day).append('\n');
            }
            for (HealthScore score : reader.dailyScores(tenant, from, to)) {
                text.append(
                                new String(
                                        PulseTopics.HEALTH_SCORES
                                                .valueSerde()
                                                .serializer()
                                                .serialize("", score),
                                        StandardCharsets.UTF_8))
                        .append('\n');
            }
            state.put(tenant, text.toString());
        }
        return state;
    }

    private PulseApplication start(String name) {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        // The shipped grace and idle time: events come in order, nobody else shares the broker.
        PulseConfig config =
                TestPulse.replayingOnOwnBroker(
                        dir.resolve(run + "-state"), dir.resolve(run + "-kafka"), run);
        PulseApplication pulse =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT);
        try {
            pulse.awaitRunning(Duration.ofSeconds(60));
            return pulse;
        } catch (RuntimeException e) {
            pulse.close();
            throw e;
        }
    }

    /**
     * Eight tenants over 75 days in event-time order: one fades from day 55, one goes silent on day
     * 65; about one event in forty is delivered twice.
     */
    private static List<String> history() {
        List<String> events = new ArrayList<>();
        String[] features = {"dashboards", "reports", "alerts", "exports"};
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
            List<Map.Entry<Instant, String>> today = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                String tenant = "bf-tenant-" + t;
                double level = 1;
                if (tenant.equals(FADING) && d >= 55) {
                    level = Math.max(0.05, 1 - (d - 55) / 12.0);
                }
                if (tenant.equals("bf-tenant-1") && d >= 65) {
                    level = 0;
                }
                SplittableRandom random = new SplittableRandom(t * 1000L + d);
                int users = (int) Math.round((6 + t) * level * (weekend ? 0.3 : 1));
                for (int u = 0; u < users; u++) {
                    for (int a = 0; a < 3; a++) {
                        Instant at =
                                day.atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .plusSeconds(7 * 3600 + random.nextInt(12 * 3600));
                        String json =
                                PulseEndToEndIT.event(
                                        tenant + "-" + d + "-" + u + "-" + a,
                                        tenant,
                                        "user-" + u,
                                        "feature_used",
                                        features[(u + a) % features.length],
                                        at);
                        today.add(Map.entry(at, json));
                        if (random.nextInt(40) == 0) {
                            today.add(Map.entry(at, json));
                        }
                    }
                }
            }
            today.sort(Map.Entry.comparingByKey());
            today.forEach(e -> events.add(e.getValue()));
        }
        return events;
    }

    private static void send(String bootstrap, List<String> events) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (String json : events) {
                String tenant = json.replaceAll(".*\"tenantId\":\"([^\"]+)\".*", "$1");
                producer.send(
                        new ProducerRecord<>(
                                PulseTopics.USAGE_EVENTS.name(),
                                tenant,
                                json.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** A login of every tenant early on the day after: every partition closes the last day. */
    private static void closeTheLastDay(String bootstrap) {
        Instant after =
                FIRST.plusDays(DAYS)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .plus(Duration.ofHours(2));
        List<String> logins = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            String tenant = "bf-tenant-" + t;
            logins.add(
                    PulseEndToEndIT.event("closer-" + t, tenant, "user-0", "login", null, after));
        }
        send(bootstrap, logins);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
